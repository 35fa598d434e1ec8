/// SQL shared by `host_flow_day`'s migration (v16), the summaries of pruned flows and the
/// timelines grouped from a host's connections.
enum HostFlowDaySQL {
    /// The UTC day of `seconds` (days since 2001-01-01), rounded down also before that date
    /// (`TimelineDeltas.utcDay` in Swift).
    static func utcDay(_ seconds: String) -> String { bucket(seconds, width: "86400") }

    /// The bucket of `width` seconds (an SQL expression) that `seconds` falls in, rounded down
    /// also below zero.
    static func bucket(_ seconds: String, width: String) -> String {
        "(CAST(\(seconds) / \(width) AS INTEGER) - (\(seconds) / \(width) < CAST(\(seconds) / \(width) AS INTEGER)))"
    }
}
