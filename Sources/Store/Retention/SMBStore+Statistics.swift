import Foundation
import GRDB
import TriageModel

extension SMBStore {
    /// What the store holds: counts, the oldest and newest flow, bytes on disk, the policy.
    public func statistics() throws -> StoreStatistics {
        try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            let alerts = try Row.fetchAll(db, sql: "SELECT status, COUNT(*) FROM alert GROUP BY status")
            let byStatus = Dictionary(uniqueKeysWithValues: alerts.map { ($0[0] as String, $0[1] as Int) })
            let span = try StoredFlowSpan.read(db)
            let bytes = bytesOnDisk()
            // The flows and summaries as the store keeps them: counting the rows walks their tables.
            let kept = try StoredCounts.kept(db)
            return try StoreStatistics(
                flows: kept.flows, flowSummaries: kept.flowSummaries, summarizedFlows: kept.summarizedFlows,
                openAlerts: byStatus[AlertStatus.open.rawValue] ?? 0,
                acknowledgedAlerts: byStatus[AlertStatus.acknowledged.rawValue] ?? 0,
                closedAlerts: byStatus[AlertStatus.closed.rawValue] ?? 0,
                hosts: count("SELECT COUNT(*) FROM host"), exceptions: count("SELECT COUNT(*) FROM exception_item"),
                notes: count("SELECT (SELECT COUNT(*) FROM alert_note) + (SELECT COUNT(*) FROM case_note)"), auditEntries: count("SELECT COUNT(*) FROM audit"),
                oldestFlow: span.oldest.map(Date.init(storeSeconds:)), newestFlow: span.newest.map(Date.init(storeSeconds:)),
                databaseBytes: bytes.database, walBytes: bytes.wal,
                policy: Self.retentionPolicy(db), vacuumsIncrementally: Int.fetchOne(db, sql: "PRAGMA auto_vacuum") == 2)
        }
    }

    /// The sizes of the database file and its WAL, read from the file system alone: what a prune
    /// reports it gave back, without the counts `statistics()` reads the store for.
    public func bytesOnDisk() -> (database: Int64, wal: Int64) {
        (StoreFile.size(path), StoreFile.size(path + "-wal"))
    }
}
