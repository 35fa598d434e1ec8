import Detection
import TriageModel

/// One host: its external destinations and its alerts (paged, one row per connection), with marks
/// for bulk actions.
struct HostState: Hashable, Sendable {
    enum Pane: Hashable, Sendable, CaseIterable { case destinations, alerts }

    var address: IPAddress
    /// The host's hosts-list row as read when the screen was opened (from the list or with `:host`).
    var summary: HostSummary?
    /// The host's case, once loaded; nil too for a host that is no case (no alerts).
    var hostCase: HostCase?
    var pane = Pane.destinations
    /// In `destinationOrder`: `triageOrder`, or its reverse.
    var destinations: [DestinationSummary] = []
    var destinationCursor = ListCursor()
    /// Alerting destinations first (ALERTS ▼); reversed, internal ones first.
    var destinationOrder = ListOrder(column: HostView.destinationAlertsColumn, descending: true)
    var alerts = PagedList<ConnectionAlerts>()
    /// Newest connection first (LAST SEEN ▼); reversed, the store pages them oldest first.
    var alertOrder = ListOrder(column: HostView.alertLastSeenColumn, descending: true)
    /// How many alerts the rows of `alerts` hold together (the list counts connections).
    var alertCount = 0
    /// Connection rows marked with Space (by `ConnectionAlerts.id`), each with the alerts its row
    /// held when last loaded and their statuses; status keys act on those alerts (as
    /// `AlertStatusChange` decides) when any row is marked. A mark lives as long as its row is in
    /// the list: a new filter drops every mark, and a page that holds the whole list drops the
    /// marks of the rows it no longer holds (`refreshMarks`).
    var marked: [Int64: [Int64: AlertStatus]] = [:]
    /// Where `V` started a range of marks (a row index of the alerts), until `V` ends it.
    var rangeStart: Int?
    /// Set by Enter on a destination: the alerts pane lists only alerts to it.
    var destinationFilter: IPAddress?

    /// Set with `f`: the alerts pane lists only alerts in this status.
    var statusFilter: AlertStatus?

    var alertQuery: AlertQuery { AlertQuery(status: statusFilter, host: address, destination: destinationFilter) }

    /// Marks `rows`, each with its alerts and their statuses as loaded.
    mutating func mark(_ rows: [ConnectionAlerts]) {
        for row in rows { marked[row.id] = row.alertStatuses }
    }

    /// The change to `status` of the marked rows' alerts, and how many of the rows are not loaded
    /// (scrolled far off).
    func markedTargets(_ status: AlertStatus) -> AlertTargets {
        let loaded = Set(alerts.rows.map(\.id))
        return AlertTargets(status, rows: marked.keys.sorted().compactMap { marked[$0] },
                            unseen: marked.keys.filter { !loaded.contains($0) }.count, isMarks: true,
                            filter: statusFilter)
    }

    /// Keeps the marks in step with `page`, just loaded at `offset` of a list of `total` rows: a
    /// marked row on it takes its alerts and their statuses as they are now; when it holds the whole list, the marks
    /// of the rows it no longer holds (hidden by the filter since a write or another analyst
    /// changed them) are dropped. Returns how many were dropped.
    mutating func refreshMarks(with page: [ConnectionAlerts], offset: Int, total: Int) -> Int {
        let rows = Dictionary(page.map { ($0.id, $0.alertStatuses) }, uniquingKeysWith: { first, _ in first })
        for (id, statuses) in rows where marked[id] != nil { marked[id] = statuses }
        guard offset == 0, page.count >= total else { return 0 }
        let gone = marked.keys.filter { rows[$0] == nil }
        for id in gone { marked[id] = nil }
        return gone.count
    }

    /// Destinations with open alerts first, then the other external ones, then internal ones;
    /// the most recent first within each (so the cursor starts on the first alerting one).
    static func triageOrder(_ destinations: [DestinationSummary]) -> [DestinationSummary] {
        func group(_ destination: DestinationSummary) -> Int {
            destination.openAlerts > 0 ? 0 : destination.isExternal ? 1 : 2
        }
        return destinations.sorted { lhs, rhs in
            (group(lhs), rhs.lastSeen, lhs.address) < (group(rhs), lhs.lastSeen, rhs.address)
        }
    }

    /// Takes loaded destinations in `destinationOrder`, the selection staying on its destination.
    mutating func show(_ loaded: [DestinationSummary], visible: Int) {
        let selected = selectedDestination?.address
        let ordered = Self.triageOrder(loaded)
        destinations = destinationOrder.reversed ? ordered.reversed() : ordered
        if let selected, let index = destinations.firstIndex(where: { $0.address == selected }) {
            destinationCursor.selected = index
        }
        destinationCursor.resize(count: destinations.count, visible: visible)
    }

    /// `I` on the destinations: the other way round, the selection staying on its destination.
    mutating func reverseDestinations(visible: Int) {
        destinationOrder.reverse(&destinations, cursor: &destinationCursor, visible: visible)
    }

    /// `I` on the alerts: the other way round, from the first row (oldest first, new rows arrive at the end).
    mutating func reverseAlerts() {
        alertOrder.reversed.toggle()
        restartAlerts()
    }

    /// Empties the alerts pane to load again from its first row, in `alertOrder`.
    mutating func restartAlerts() {
        alerts = PagedList(newestLast: alertOrder.reversed)
    }

    /// How many destinations the pane lists: the loaded ones, else (before they arrive) the external
    /// ones the hosts-list row counted, which it lists at least; 0 when opened without that row.
    var expectedDestinationCount: Int {
        destinations.isEmpty ? summary?.externalDestinations ?? 0 : destinations.count
    }

    var selectedDestination: DestinationSummary? {
        destinations.indices.contains(destinationCursor.selected) ? destinations[destinationCursor.selected] : nil
    }
}
