import GRDB
import TriageModel

extension StoreSchema {
    /// Event ids the hourly timeline's upgrade reads per step, and between two reports to its
    /// `MigrationProgress`, unless told otherwise.
    static let hostFlowHourBatch: Int64 = 100_000

    /// A host's hourly timeline as one row an hour (v23): `host_flow_hour` holds per host and UTC
    /// hour (hours since 2001-01-01) what `host_flow_day` holds per day, kept by the writer from the
    /// same batch aggregates (`TimelineDeltas`) and never pruned, so the history's hourly chart reads
    /// the rows of the hours it draws instead of the host's records of those hours.
    ///
    /// Filled here from the stored connections (at their start), the summaries of pruned flows (at
    /// their first record's time: all a summary keeps of its flows' times) and the lone records
    /// (schema v21), each the connection the linker reads from a lone record's row
    /// (`ConnectionRow(storedRecord:startingAt:)`), in ranges of `batch` event ids, `progress`
    /// hearing after each range that had some how many lone records were done.
    static func addHostFlowHours(_ db: Database, progress: MigrationProgress?,
                                 batch: Int64 = hostFlowHourBatch) throws {
        try db.execute(sql: TimelineSQL.createTable(
            "host_flow_hour", column: "hour", seconds: 3_600,
            summaryBucket: TimelineSQL.bucket("first_seen", width: "3600")))
        try countLoneRecordHours(db, progress: progress, batch: batch)
    }

    /// Adds each lone record's flow to `host_flow_hour`, in ranges of `batch` event ids; `progress`
    /// hears of each range that had some.
    private static func countLoneRecordHours(_ db: Database, progress: MigrationProgress?, batch: Int64) throws {
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE connection_id IS NULL") ?? 0
        guard total > 0 else { return }
        let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM event") ?? 0
        var records = try RawStatement(db, sql: """
            SELECT \(ConnectionRow.recordSelection) FROM event e WHERE e.id > ? AND e.id <= ? AND e.connection_id IS NULL
            """)
        var hours = TimelineDeltas(.hour)
        var after: Int64 = 0, done = 0
        while after < last {
            records.bind(after)
            records.bind(after + batch)
            var found = 0
            while try records.step() {
                found += 1
                hours.count(ConnectionRow(storedRecord: records, startingAt: 0))
            }
            try hours.write(db)
            after += batch
            guard found > 0 else { continue }
            done += found
            progress?(done, total)
        }
    }
}
