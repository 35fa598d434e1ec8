import GRDB

/// A count the store keeps (`StoredCounts`) that differs from its rows.
public struct CountMismatch: Hashable, Sendable {
    /// What is counted, in words: "flows", "flow summaries", "summarized flows", "rows of record block 12".
    public var counted: String
    public var kept: Int
    /// The count of the rows themselves.
    public var actual: Int
    /// Whether `recount` mends it: not for rows pointing at a record block that does not
    /// exist, whose records are lost.
    public var isRecountable = true
}

extension SMBStore {
    /// The kept counts that differ from the rows (each counted by a walk of its table: seconds on
    /// a store of tens of millions of flows), the record blocks' counts of their rows among them
    /// (the first `listedBlocks` that differ, then the rows of all that differ when there are
    /// more), and the rows pointing at no record block; empty when they agree.
    public func countMismatches() throws -> [CountMismatch] {
        try read { db in try Self.countMismatches(db, blocks: RecordBlocks.check(db)) }
    }

    /// Sets the kept counts (and the record blocks' counts of their rows, `RecordBlocks`) from the
    /// rows; returns what differed before.
    @discardableResult
    public func recount() throws -> [CountMismatch] {
        try write("recounting the store") { db in
            let blocks = try RecordBlocks.check(db)
            let mismatches = try Self.countMismatches(db, blocks: blocks)
            if !mismatches.isEmpty {
                try StoredCounts.set(db, to: StoredCounts.counted(db))
                try RecordBlocks.recount(db, blocks)
            }
            return mismatches
        }
    }

    /// How many miscounted record blocks `countMismatches` names one by one.
    static let listedBlocks = 10

    private static func countMismatches(_ db: Database, blocks check: RecordBlocks.Check) throws -> [CountMismatch] {
        let kept = try StoredCounts.kept(db)
        let actual = try StoredCounts.counted(db)
        let counts = [("flows", kept.flows, actual.flows), ("flow summaries", kept.flowSummaries, actual.flowSummaries),
                      ("summarized flows", kept.summarizedFlows, actual.summarizedFlows)]
            .filter { $0.1 != $0.2 }
            .map { CountMismatch(counted: $0.0, kept: $0.1, actual: $0.2) }
        var mismatches = counts + check.miscounted.prefix(listedBlocks)
            .map { CountMismatch(counted: "rows of record block \($0.id)", kept: $0.live, actual: $0.rows) }
        if check.miscounted.count > listedBlocks {
            mismatches.append(CountMismatch(
                counted: "rows of all \(check.miscounted.count) record blocks whose count differs",
                kept: check.miscounted.reduce(0) { $0 + $1.live }, actual: check.miscounted.reduce(0) { $0 + $1.rows }))
        }
        if check.rowsWithoutBlock > 0 {
            mismatches.append(CountMismatch(counted: "rows pointing at no record block (their records are lost)",
                                            kept: 0, actual: check.rowsWithoutBlock, isRecountable: false))
        }
        return mismatches
    }
}
