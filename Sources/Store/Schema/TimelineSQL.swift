/// SQL shared by the timeline tables' migrations (`host_flow_day`, v16; `host_flow_hour`, v23),
/// the summaries of pruned flows and the timelines' reads.
enum TimelineSQL {
    /// The UTC day of `seconds` (days since 2001-01-01), rounded down also before that date
    /// (`TimelineBucket.index(of:)` in Swift).
    static func utcDay(_ seconds: String) -> String { bucket(seconds, width: "86400") }

    /// The bucket of `width` seconds (an SQL expression) that `seconds` falls in, rounded down
    /// also below zero.
    static func bucket(_ seconds: String, width: String) -> String {
        "(CAST(\(seconds) / \(width) AS INTEGER) - (\(seconds) / \(width) < CAST(\(seconds) / \(width) AS INTEGER)))"
    }

    /// Creates a timeline table, `table` (one row per host and bucket of `seconds`, numbered in
    /// `column`), and fills it from the stored connections, each at the bucket of its start, and
    /// the summaries of pruned flows, at `summaryBucket` (an SQL expression over a `flow_summary`
    /// row): every flow but the lone records (schema v21), which have no row of either. Each
    /// migration names its table and column in literal text, so what it creates never follows a
    /// later rename.
    static func createTable(_ table: String, column: String, seconds: Int, summaryBucket: String) -> String {
        """
        CREATE TABLE \(table) (
            host BLOB NOT NULL,
            \(column) INTEGER NOT NULL,
            flows INTEGER NOT NULL,
            external_flows INTEGER NOT NULL,
            bytes_out INTEGER NOT NULL,
            PRIMARY KEY (host, \(column))
        ) WITHOUT ROWID;
        INSERT INTO \(table) (host, \(column), flows, external_flows, bytes_out)
        SELECT host, bucket, SUM(flows), SUM(external_flows), \(SaturatingSQL.total("bytes"))
        FROM (SELECT host, \(bucket("first_seen", width: "\(seconds)")) AS bucket, 1 AS flows,
                     is_external AS external_flows, CASE WHEN is_external THEN bytes_sent ELSE 0 END AS bytes
              FROM connection WHERE host IS NOT NULL
              UNION ALL
              SELECT host, \(summaryBucket), flows, is_external * flows, CASE WHEN is_external THEN bytes_sent ELSE 0 END
              FROM flow_summary WHERE flows > 0 AND host <> x'')
        GROUP BY host, bucket;
        """
    }
}
