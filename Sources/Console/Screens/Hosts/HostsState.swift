import Detection
import TriageModel

/// The hosts list: one row per internal source host, its filter and sort, and the sparklines of
/// the rows loaded.
struct HostsState: Hashable, Sendable {
    var list = PagedList<HostSummary>()
    /// The home view: the hosts that need attention (open alerts or an open case).
    static let attention = HostFilter.attention

    var filter = HostsState.attention
    var sort = HostSort.attention
    /// Set with `S`: `sort` the other way round.
    var reversed = false
    /// SMB flows per `activityBucket`, oldest first, for the hosts in `list.rows`.
    var activity: [IPAddress: [Int]] = [:]
    /// Each sparkline shows the host's last `activityBuckets` days.
    static let activityBucket = TimelineBucket.day
    static let activityBuckets = 12
}
