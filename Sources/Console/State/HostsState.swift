import Detection
import Store

/// The hosts list: one row per internal source host, its filter and sort, and the sparklines of
/// the rows loaded.
struct HostsState: Hashable, Sendable {
    var list = PagedList<HostSummary>()
    var filter = HostFilter()
    var sort = HostSort.attention
    /// SMB flows per day, oldest first, for the hosts in `list.rows`.
    var activity: [IPAddress: [Int]] = [:]
    /// Buckets each sparkline shows.
    static let activityBuckets = 12
}
