import GRDB

/// The counts the store keeps of its own rows (`stored_count`, one row, v22): the stored flows,
/// the flow summaries and the pruned flows they stand for. Counting them took a walk of a whole
/// index or table (5.6 s for the flows of a 10 M-flow store), so each path that inserts or
/// removes such rows adds its change in the same transaction, once per batch: the writer
/// (`EventWriter.flushAggregates`) and a prune batch (`FlowSummaries.removeBatch`).
/// `smbtriage store check` compares them with the rows (`SMBStore.countMismatches`).
struct StoredCounts: Equatable {
    var flows: Int
    var flowSummaries: Int
    var summarizedFlows: Int

    /// The counts of the rows themselves, each a walk of its table: what v22 starts the row at
    /// and what a check compares it with.
    static let countingSQL = """
        SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM flow_summary),
               (SELECT coalesce(SUM(flows), 0) FROM flow_summary)
        """

    /// The counts as kept.
    static func kept(_ db: Database) throws -> StoredCounts {
        try counts(db, sql: "SELECT flows, flow_summaries, summarized_flows FROM stored_count")
    }

    /// The counts of the rows, read by walking them.
    static func counted(_ db: Database) throws -> StoredCounts {
        try counts(db, sql: countingSQL)
    }

    /// Adds a transaction's changes to the kept counts.
    static func add(_ db: Database, flows: Int, flowSummaries: Int = 0, summarizedFlows: Int = 0) throws {
        try db.execute(sql: """
            UPDATE stored_count SET flows = flows + ?, flow_summaries = flow_summaries + ?,
                                    summarized_flows = summarized_flows + ?
            """, arguments: [flows, flowSummaries, summarizedFlows])
    }

    /// Sets the kept counts to `counts`.
    static func set(_ db: Database, to counts: StoredCounts) throws {
        try db.execute(sql: "UPDATE stored_count SET flows = ?, flow_summaries = ?, summarized_flows = ?",
                       arguments: [counts.flows, counts.flowSummaries, counts.summarizedFlows])
    }

    private static func counts(_ db: Database, sql: String) throws -> StoredCounts {
        guard let row = try Row.fetchOne(db, sql: sql) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "stored_count has no row")
        }
        return StoredCounts(flows: row[0], flowSummaries: row[1], summarizedFlows: row[2])
    }
}
