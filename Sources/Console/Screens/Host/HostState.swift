import Detection
import TriageModel

/// One host: its external destinations and its alerts (paged), with marks for bulk actions.
struct HostState: Hashable, Sendable {
    enum Pane: Hashable, Sendable, CaseIterable { case destinations, alerts }

    var address: IPAddress
    /// The hosts-list row it was opened from (nil when opened with `:host`).
    var summary: HostSummary?
    /// The host's case, once loaded; nil too for a host that is no case (no alerts).
    var hostCase: HostCase?
    var pane = Pane.destinations
    var destinations: [DestinationSummary] = []
    var destinationCursor = ListCursor()
    var alerts = PagedList<AlertRecord>()
    /// Alerts marked with Space; status keys act on them when any are marked.
    var marked: Set<Int64> = []
    /// Where `V` started a range of marks (a row index of the alerts), until `V` ends it.
    var rangeStart: Int?
    /// Set by Enter on a destination: the alerts pane lists only alerts to it.
    var destinationFilter: IPAddress?

    /// Set with `f`: the alerts pane lists only alerts in this status.
    var statusFilter: AlertStatus?

    var alertQuery: AlertQuery { AlertQuery(status: statusFilter, host: address, destination: destinationFilter) }

    var selectedDestination: DestinationSummary? {
        destinations.indices.contains(destinationCursor.selected) ? destinations[destinationCursor.selected] : nil
    }
}
