import Detection
import TriageModel

/// One host: its external destinations and its alerts (paged), with marks for bulk actions.
struct HostState: Hashable, Sendable {
    enum Pane: Hashable, Sendable, CaseIterable { case destinations, alerts }

    var address: IPAddress
    /// The hosts-list row it was opened from (nil when opened with `:host`).
    var summary: HostSummary?
    var pane = Pane.destinations
    var destinations: [DestinationSummary] = []
    var destinationCursor = ListCursor()
    var alerts = PagedList<AlertRecord>()
    /// Alerts marked with Space; status keys act on them when any are marked.
    var marked: Set<Int64> = []
    /// Set by Enter on a destination: the alerts pane lists only alerts to it.
    var destinationFilter: IPAddress?

    var alertQuery: AlertQuery { AlertQuery(host: address, destination: destinationFilter) }

    var selectedDestination: DestinationSummary? {
        destinations.indices.contains(destinationCursor.selected) ? destinations[destinationCursor.selected] : nil
    }
}
