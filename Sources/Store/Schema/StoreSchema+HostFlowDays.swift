import GRDB

extension StoreSchema {
    /// A host's daily timeline as one row a day (v16): `host_flow_day` holds per host and UTC day
    /// the flows that started that day, the external ones and their bytes out, for every flow the
    /// store ever kept (a prune folds flows into `flow_summary` and leaves these rows as they
    /// are). The writer keeps the rows from its batch aggregates (`TimelineDeltas`), once per host
    /// and day and batch, from what each record's link changed in its `connection` row, which
    /// now says whether any of its records is external (`connection.is_external`). Filled here
    /// from the stored connections and the summaries of pruned flows.
    static func addHostFlowDays(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE connection ADD COLUMN is_external INTEGER NOT NULL DEFAULT 0;
            UPDATE connection SET is_external = 1
            WHERE id IN (SELECT connection_id FROM event WHERE is_external AND connection_id IS NOT NULL);
            \(TimelineSQL.createTable("host_flow_day", column: "day", seconds: 86_400, summaryBucket: "day"))
            """)
    }
}
