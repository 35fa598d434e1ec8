import TriageModel

extension TimelineBucket {
    /// The table that keeps hosts' timelines in buckets of this width, one row per host and
    /// bucket with flows: `host_flow_hour` (v23) and `host_flow_day` (v16).
    var table: String { "host_flow_\(rawValue)" }

    /// The table's bucket column (`hour`, `day`): the bucket's start over `seconds`, since 2001-01-01 UTC.
    var column: String { rawValue }

    /// The bucket of a `flow_summary` row, an SQL expression: that of its first record's time
    /// (`first_seen`; a summary's `day` is that day).
    var summaryBucket: String {
        self == .day ? "day" : TimelineSQL.bucket("first_seen", width: "\(Int(seconds))")
    }

    /// The bucket `seconds` (store seconds) falls in, rounded down also below zero (as
    /// `TimelineSQL.bucket` in SQL).
    func index(of seconds: Double) -> Int64 {
        Int64((seconds / self.seconds).rounded(.down))
    }
}
