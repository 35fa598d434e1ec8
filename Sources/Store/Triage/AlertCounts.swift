import Foundation
import GRDB
import TriageModel

/// Keeps the per-status alert counts of `host` and `host_destination` in step with `alert` when
/// an alert changes status or is pruned (`AlertWriter` counts new ones).
enum AlertCounts {
    /// One alert moved from one status to another.
    static func move(_ db: Database, host: Data?, destination: Data?, from previous: AlertStatus,
                     to status: AlertStatus) throws {
        let from = SMBStore.alertCountColumn(previous)
        let to = SMBStore.alertCountColumn(status)
        let hostUpdate = try db.cachedStatement(sql: """
            UPDATE host SET \(from) = \(from) - 1, \(to) = \(to) + 1,
                            \(HostRankingSQL.rankAssignments([from: "\(from) - 1", to: "\(to) + 1"]))
            WHERE address = ?
            """)
        try hostUpdate.execute(arguments: [host])
        let pairUpdate = try db.cachedStatement(sql: """
            UPDATE host_destination SET \(from) = \(from) - 1, \(to) = \(to) + 1 WHERE host = ? AND destination = ?
            """)
        try pairUpdate.execute(arguments: [host, destination])
    }

    /// One alert in `status` was removed (pruned).
    static func remove(_ db: Database, host: Data?, destination: Data?, status: AlertStatus) throws {
        let column = SMBStore.alertCountColumn(status)
        try db.cachedStatement(sql: """
            UPDATE host SET \(column) = \(column) - 1, \(HostRankingSQL.rankAssignments([column: "\(column) - 1"]))
            WHERE address = ?
            """).execute(arguments: [host])
        try db.cachedStatement(sql: """
            UPDATE host_destination SET \(column) = \(column) - 1 WHERE host = ? AND destination = ?
            """).execute(arguments: [host, destination])
    }
}
