import Foundation
import GRDB

/// Keeps the per-status alert counts of `host` and `host_destination` in step with `alert`.
enum AlertCounts {
    /// One alert moved from one status to another.
    static func move(_ db: Database, host: Data?, destination: Data?, from previous: AlertStatus,
                     to status: AlertStatus) throws {
        let from = SMBStore.alertCountColumn(previous)
        let to = SMBStore.alertCountColumn(status)
        let hostUpdate = try db.cachedStatement(sql: """
            UPDATE host SET \(from) = \(from) - 1, \(to) = \(to) + 1 WHERE address = ?
            """)
        try hostUpdate.execute(arguments: [host])
        let pairUpdate = try db.cachedStatement(sql: """
            UPDATE host_destination SET \(from) = \(from) - 1, \(to) = \(to) + 1 WHERE host = ? AND destination = ?
            """)
        try pairUpdate.execute(arguments: [host, destination])
    }

    /// `count` new open alerts of risk `risk` for a (host, destination) pair.
    static func addOpen(_ db: Database, host: Data, destination: Data?, count: Int, risk: Int) throws {
        let hostUpdate = try db.cachedStatement(sql: """
            UPDATE host SET open_alerts = open_alerts + ?, highest_risk = max(coalesce(highest_risk, ?), ?)
            WHERE address = ?
            """)
        try hostUpdate.execute(arguments: [count, risk, risk, host])
        let pairUpdate = try db.cachedStatement(sql: """
            UPDATE host_destination SET open_alerts = open_alerts + ? WHERE host = ? AND destination = ?
            """)
        try pairUpdate.execute(arguments: [count, host, destination])
    }
}
