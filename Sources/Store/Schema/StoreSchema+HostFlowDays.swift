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
            CREATE TABLE host_flow_day (
                host BLOB NOT NULL,
                day INTEGER NOT NULL,
                flows INTEGER NOT NULL,
                external_flows INTEGER NOT NULL,
                bytes_out INTEGER NOT NULL,
                PRIMARY KEY (host, day)
            ) WITHOUT ROWID;
            INSERT INTO host_flow_day (host, day, flows, external_flows, bytes_out)
            SELECT host, day, SUM(flows), SUM(external_flows), \(SaturatingSQL.total("bytes"))
            FROM (SELECT host, \(HostFlowDaySQL.utcDay("first_seen")) AS day, 1 AS flows, is_external AS external_flows,
                         CASE WHEN is_external THEN bytes_sent ELSE 0 END AS bytes
                  FROM connection WHERE host IS NOT NULL
                  UNION ALL
                  SELECT host, day, flows, is_external * flows, CASE WHEN is_external THEN bytes_sent ELSE 0 END
                  FROM flow_summary WHERE flows > 0 AND host <> x'')
            GROUP BY host, day;
            """)
    }
}
