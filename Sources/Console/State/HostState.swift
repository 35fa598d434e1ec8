import Detection
import Store

/// One host: its external destinations and its alerts (paged), with marks for bulk actions.
struct HostState: Hashable, Sendable {
    enum Pane: Hashable, Sendable, CaseIterable { case destinations, alerts }

    var address: IPAddress
    var pane = Pane.destinations
    var destinations: [DestinationSummary] = []
    var destinationCursor = ListCursor()
    var alerts = PagedList<AlertRecord>()
    /// Alerts marked with Space; status keys act on them when any are marked.
    var marked: Set<Int64> = []

    var alertQuery: AlertQuery { AlertQuery(host: address) }
}
