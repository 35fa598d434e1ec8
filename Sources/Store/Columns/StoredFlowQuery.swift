import GRDB
import TriageModel

/// Fetches events selected with `EventColumns.selection` (and nothing before it).
enum StoredFlowQuery {
    static func flows(_ db: Database, sql: String, arguments: StatementArguments) throws -> [StoredFlow] {
        try Array(Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments).map { row in
            EventColumns.flow(from: row, isFirstSeenDestination: false)
        })
    }
}
