import GRDB

extension TimelineDeltas {
    /// Adds the changes to their table (`TimelineBucket.table`), one upsert per host and bucket in
    /// key order; a bucket a connection's share left is removed when no flow is left in it. The
    /// deltas are empty afterwards.
    mutating func write(_ db: Database) throws {
        let table = width.table, column = width.column
        var upsert = try RawStatement(db, sql: """
            INSERT INTO \(table) (host, \(column), flows, external_flows, bytes_out) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (host, \(column)) DO UPDATE SET
                flows = flows + excluded.flows, external_flows = external_flows + excluded.external_flows,
                bytes_out = \(SaturatingSQL.sum("bytes_out", "excluded.bytes_out"))
            """)
        var removeEmpty = try RawStatement(db, sql: "DELETE FROM \(table) WHERE host = ? AND \(column) = ? AND flows <= 0")
        for (key, bucket) in buckets.sorted(by: { $0.key < $1.key })
        where bucket.flows != 0 || bucket.externalFlows != 0 || bucket.bytesOut != 0 {
            upsert.bind(key.host)
            upsert.bind(key.bucket)
            upsert.bind(bucket.flows)
            upsert.bind(bucket.externalFlows)
            upsert.bind(bucket.bytesOut)
            try upsert.execute()
            guard bucket.flows < 0 else { continue }
            removeEmpty.bind(key.host)
            removeEmpty.bind(key.bucket)
            try removeEmpty.execute()
        }
        removeAll()
    }
}
