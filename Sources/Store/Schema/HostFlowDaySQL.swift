/// SQL shared by `host_flow_day`'s migration (v16) and the summaries of pruned flows.
enum HostFlowDaySQL {
    /// The UTC day of `seconds` (days since 2001-01-01), rounded down also before that date
    /// (`TimelineDeltas.utcDay` in Swift).
    static func utcDay(_ seconds: String) -> String {
        "(CAST(\(seconds) / 86400 AS INTEGER) - (\(seconds) / 86400 < CAST(\(seconds) / 86400 AS INTEGER)))"
    }
}
