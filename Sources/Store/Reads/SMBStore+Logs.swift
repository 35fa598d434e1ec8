import Detection
import Foundation
import GRDB
import TriageModel

extension SMBStore {
    public func exceptions() throws -> [ExceptionRecord] {
        try read { db in
            // An execution's suppressed_by maps item ids to counts; the latest execution naming an
            // item is its last suppression.
            try Row.fetchAll(db, sql: """
                WITH last_hit (id, at) AS (
                    SELECT hit.key, MAX(execution.ran_at)
                    FROM execution, json_each(execution.suppressed_by) AS hit
                    WHERE execution.suppressed_by <> '{}' AND hit.value > 0
                    GROUP BY hit.key
                )
                SELECT x.id, x.name, x.comment, x.author, x.created_at, x.expires_at, x.entries, x.suppressed_events,
                       last_hit.at
                FROM exception_item x LEFT JOIN last_hit ON last_hit.id = x.id
                ORDER BY x.created_at, x.id
                """).map(Self.exceptionRecord)
        }
    }

    public func executions(limit: Int) throws -> [ExecutionRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, ran_at, window_start, window_end, matched, alerted, pending, suppressed_by, cap_reached
                FROM execution ORDER BY id DESC LIMIT ?
                """, arguments: [max(limit, 0)]).map(Self.executionRecord)
        }
    }

    /// The newest `limit` audit entries, newest first, each alert target with its id and host.
    /// (`alert.uuid` has no index, so naming the alerts reads the alert table once.)
    public func audit(limit: Int) throws -> [AuditEntry] {
        try read { db in
            let entries = try Row.fetchAll(db, sql: """
                SELECT id, at, actor, action, target, detail FROM audit ORDER BY id DESC LIMIT ?
                """, arguments: [max(limit, 0)]).map { row in
                AuditEntry(id: row[0], at: Date(storeSeconds: row[1]), actor: row[2], action: row[3],
                           target: row[4], detail: row[5])
            }
            guard !entries.isEmpty else { return entries }
            var alerts: [String: (id: Int64, host: IPAddress?)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT uuid, id, host FROM alert
                WHERE uuid IN (SELECT target FROM audit ORDER BY id DESC LIMIT ?)
                """, arguments: [max(limit, 0)]) {
                let host: Data? = row[2]
                alerts[row[0]] = (row[1], host.flatMap(IPAddress.init(storeBlob:)))
            }
            return entries.map { entry in
                var entry = entry
                entry.alertID = alerts[entry.target]?.id
                entry.host = entry.action.hasPrefix("case.")
                    ? try? IPAddress(parsing: entry.target) : alerts[entry.target]?.host
                return entry
            }
        }
    }

    // MARK: Rows

    static func exceptionRecord(_ row: Row) throws -> ExceptionRecord {
        let expiresAt: Double? = row[5]
        let item = ExceptionItem(
            id: row[0], name: row[1], comment: row[2], author: row[3], createdAt: Date(storeSeconds: row[4]),
            expiresAt: expiresAt.map(Date.init(storeSeconds:)), entries: try KibanaExceptionList.entries(json: row[6]))
        let lastSuppressedAt: Double? = row[8]
        return ExceptionRecord(item: item, suppressedEvents: row[7],
                               lastSuppressedAt: lastSuppressedAt.map(Date.init(storeSeconds:)))
    }

    static func executionRecord(_ row: Row) -> ExecutionRecord {
        let suppressedJSON: String = row[7]
        let suppressedBy = (try? JSONDecoder().decode([String: Int].self, from: Data(suppressedJSON.utf8))) ?? [:]
        return ExecutionRecord(
            id: row[0], ranAt: Date(storeSeconds: row[1]), windowStart: Date(storeSeconds: row[2]),
            windowEnd: Date(storeSeconds: row[3]), matched: row[4], alerted: row[5], pending: row[6],
            suppressedBy: suppressedBy, capReached: row[8])
    }
}
