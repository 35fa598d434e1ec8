import GRDB

extension StoreSchema {
    /// The counts the store keeps of its flows and flow summaries (`StoredCounts`, v22), started
    /// from the rows once: `smbtriage store` read them with `COUNT(*)` and `SUM` walks.
    static func addStoredCounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE stored_count (
                flows INTEGER NOT NULL,
                flow_summaries INTEGER NOT NULL,
                summarized_flows INTEGER NOT NULL
            );
            INSERT INTO stored_count \(StoredCounts.countingSQL);
            """)
    }
}
