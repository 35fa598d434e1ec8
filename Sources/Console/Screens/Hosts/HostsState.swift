import Detection
import TriageModel

/// The hosts list: one row per internal source host, its filter and sort, and the sparklines of
/// the rows loaded.
struct HostsState: Hashable, Sendable {
    var list = PagedList<HostSummary>()
    var filter = HostFilter()
    var sort = HostSort.attention
    /// SMB flows per `activityBucket`, oldest first, for the hosts in `list.rows`.
    var activity: [IPAddress: [Int]] = [:]
    /// Each sparkline shows the host's last `activityBuckets` days.
    static let activityBucket = TimelineBucket.day
    static let activityBuckets = 12
}
