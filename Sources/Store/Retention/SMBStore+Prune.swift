import Foundation
import GRDB

extension SMBStore {
    /// Rows one prune transaction removes at most: a few milliseconds of writing, so ingest and
    /// the console's triage writes never wait long for one.
    public static let pruneBatchSize = 2_000

    /// Removes what the retention policy lets go at `now`, in transactions of at most
    /// `batchSize` rows: closed alerts first (so their flows may go too), then flows (each
    /// summarized per host, destination and day before it goes), then old audit entries. Then
    /// the freed pages go back to the file system when the store vacuums incrementally. A prune
    /// that removed something is recorded in the audit log as `actor`. A dry run removes
    /// nothing and reports what a prune at `now` would remove.
    @discardableResult
    public func prune(at now: Date = Date(), dryRun: Bool = false, actor: String,
                      batchSize: Int = pruneBatchSize) throws -> PruneReport {
        let policy = try retentionPolicy()
        let criteria = PruneCriteria(policy: policy, now: now)
        if dryRun { return try read(criteria.count) }
        let closedAlerts = try pruneClosedAlerts(criteria, batchSize: batchSize)
        let report = try PruneReport(flows: pruneFlows(criteria, batchSize: batchSize), closedAlerts: closedAlerts,
                                     auditEntries: pruneAudit(criteria, batchSize: batchSize))
        guard !report.isEmpty else { return report }
        try write("recording a prune") { db in
            try AuditLog.record(db, at: now, actor: actor, action: "store.prune", target: "store",
                                detail: "removed \(report.description) (\(policy.description))")
        }
        try releaseFreePages()
        return report
    }

    private func pruneClosedAlerts(_ criteria: PruneCriteria, batchSize: Int) throws -> Int {
        try inBatches(batchSize) { db, cursor in
            let rows = try Row.fetchAll(db, sql: PruneCriteria.closedAlerts + " LIMIT ?",
                                        arguments: criteria.closedAlertArguments(after: cursor) + [batchSize])
            for row in rows {
                try AlertCounts.remove(db, host: row[1], destination: row[2], status: .closed)
                try db.execute(sql: "DELETE FROM alert WHERE id = ?", arguments: [row[0]])
            }
            return (rows.count, rows.last.map { ClosedAlertCursor(closedAt: $0[3], id: $0[0]) })
        }
    }

    /// Flows host by host (a cursor on the host address), then those without a source address.
    private func pruneFlows(_ criteria: PruneCriteria, batchSize: Int) throws -> Int {
        let fromHosts = try inBatches(batchSize) { db, cursor in
            try FlowSummaries.removeBatch(db, sql: PruneCriteria.hostFlows,
                                          arguments: criteria.hostFlowArguments(from: cursor ?? Data()), limit: batchSize)
        }
        let addressless = try inBatches(batchSize) { db, _ -> (Int, Data?) in
            try FlowSummaries.removeBatch(db, sql: PruneCriteria.addresslessFlows, arguments: criteria.flowArguments,
                                          limit: batchSize)
        }
        return fromHosts + addressless
    }

    private func pruneAudit(_ criteria: PruneCriteria, batchSize: Int) throws -> Int {
        try inBatches(batchSize) { db, _ -> (Int, Int64?) in
            try db.execute(sql: "DELETE FROM audit WHERE id IN (SELECT id FROM audit WHERE at < ? ORDER BY id LIMIT ?)",
                           arguments: [criteria.auditCutoff, batchSize])
            return (db.changesCount, nil)
        }
    }

    /// Runs `batch` in one write transaction after another, handing each the cursor the last
    /// one returned, until one removes fewer than `batchSize` rows; returns how many all removed.
    private func inBatches<Cursor>(_ batchSize: Int,
                                   _ batch: (Database, Cursor?) throws -> (removed: Int, cursor: Cursor?)) throws -> Int {
        precondition(batchSize > 0, "a prune batch removes at least one row")
        var cursor: Cursor?
        var total = 0
        while true {
            let result = try write("pruning the store") { db in try batch(db, cursor) }
            total += result.removed
            guard result.removed >= batchSize else { return total }
            cursor = result.cursor
        }
    }
}
