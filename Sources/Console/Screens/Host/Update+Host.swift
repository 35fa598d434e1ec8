import Detection
import TriageModel

/// The host screen's loading and actions.
extension Update {
    /// The host's destinations, case and connection rows. The rows are asked for with the
    /// destinations, so their page is sized for the alerts pane the expected destinations leave
    /// (`HostState.expectedDestinationCount`), not for the whole body.
    static func reloadHost(_ state: ConsoleState, _ address: IPAddress) -> [Effect] {
        guard let host = state.host else { return [] }
        let visible = state.layout.hostAlertRows(destinationCount: host.expectedDestinationCount)
        return [.loadDestinations(address), .loadHostCase(address), loadConnections(host, host.alerts.reloadPage(visible: visible))]
    }

    static func followUpHost(_ state: ConsoleState) -> [Effect] {
        guard let host = state.host, let page = host.alerts.missingPage(visible: state.hostAlertRows) else { return [] }
        return [loadConnections(host, page)]
    }

    /// The alerts pane's rows in `page`, in the host's query and order.
    private static func loadConnections(_ host: HostState, _ page: (offset: Int, limit: Int)) -> Effect {
        .loadConnections(host.alertQuery, reversed: host.alertOrder.reversed, offset: page.offset, limit: page.limit)
    }

    /// `I`: the pane in front the other way round: the destinations here, the alerts by the store
    /// (paged from the first row, the search renumbered).
    static func reverseHost(_ state: inout ConsoleState) -> [Effect] {
        guard let pane = state.host?.pane else { return [] }
        switch pane {
        case .destinations:
            let visible = state.destinationRows
            state.host?.reverseDestinations(visible: visible)
            return []
        case .alerts:
            guard var host = state.host else { return [] }
            host.reverseAlerts()
            state.host = host
            return [loadConnections(host, host.alerts.reloadPage(visible: state.hostAlertRows))] + refindInStore(&state)
        }
    }

    /// Takes the host's destinations or a page of its alerts; false for any other message or a stale one.
    static func applyHostLoaded(_ state: inout ConsoleState, _ msg: Msg) -> Bool {
        switch msg {
        case .destinationsLoaded(let address, let destinations):
            guard state.host?.address == address else { return false }
            let visible = state.destinationRows
            state.host?.show(destinations, visible: visible)
            return true
        case .hostCaseLoaded(let address, let hostCase):
            guard state.host?.address == address else { return false }
            state.host?.hostCase = hostCase
            return true
        case .connectionsLoaded(let query, let reversed, let offset, let page):
            guard state.host?.alertQuery == query, state.host?.alertOrder.reversed == reversed else { return false }
            let visible = state.hostAlertRows
            state.host?.alerts.apply(rows: page.rows, offset: offset, total: page.connections, visible: visible)
            state.host?.alertCount = page.alerts
            let dropped = state.host?.refreshMarks(with: page.rows, offset: offset, total: page.connections) ?? 0
            if dropped > 0 { say(&state, dropped == 1 ? "1 mark dropped: its row left the list" : "\(dropped) marks dropped: their rows left the list") }
            return true
        default:
            return false
        }
    }

    /// Enter: the selected connection's first alert (the others one key away there), or on a
    /// destination, the host's alerts to it only (again: all).
    static func openInHost(_ state: inout ConsoleState) -> [Effect] {
        guard var host = state.host else { return [] }
        switch host.pane {
        case .alerts:
            guard let row = host.alerts.selectedRow else { return [] }
            return push(&state, .alert(row.id))
        case .destinations:
            guard let destination = host.selectedDestination else { return [] }
            host.destinationFilter = host.destinationFilter == destination.address ? nil : destination.address
            unmarkForNewFilter(&host, &state)
            host.restartAlerts()
            host.pane = .alerts
            state.host = host
            return reload(state) + refindInStore(&state)
        }
    }

    /// V: starts a range at the selected row, or marks every loaded row from the start to the
    /// selected one and ends the range.
    static func markRange(_ state: inout ConsoleState) -> [Effect] {
        guard var host = state.host, case .host = state.route, host.pane == .alerts, host.alerts.cursor.count > 0 else { return [] }
        let selected = host.alerts.cursor.selected
        if let start = host.rangeStart {
            host.mark((min(start, selected)...max(start, selected)).compactMap { host.alerts.row(at: $0) })
            host.rangeStart = nil
            state.message = .info(markedMessage(host))
        } else {
            host.rangeStart = selected
            state.message = .info("range starts here: move, then V again")
        }
        state.host = host
        return []
    }

    /// *: marks every row on screen.
    static func markAllInView(_ state: inout ConsoleState) -> [Effect] {
        guard var host = state.host, case .host = state.route, host.pane == .alerts else { return [] }
        host.mark(host.alerts.cursor.visibleRange(state.hostAlertRows).compactMap { host.alerts.row(at: $0) })
        state.host = host
        state.message = .info(markedMessage(host))
        return []
    }

    /// f: the alerts pane lists the next status only (all, open, acknowledged, closed), from its first row.
    static func cycleAlertStatusFilter(_ state: inout ConsoleState) -> [Effect] {
        guard var host = state.host else { return [] }
        host.statusFilter = nextStatusFilter(after: host.statusFilter)
        unmarkForNewFilter(&host, &state)
        host.restartAlerts()
        host.pane = .alerts
        state.host = host
        return reload(state) + refindInStore(&state)
    }

    /// "2 connections marked (5 alerts)".
    private static func markedMessage(_ host: HostState) -> String {
        "\(connectionCount(host.marked.count)) marked (\(alertCount(host.marked.values.map(\.count).reduce(0, +))))"
    }

    /// A new filter makes a new list: the marks of the old one go, said in the status line, so no
    /// action reaches a row the new list hides.
    private static func unmarkForNewFilter(_ host: inout HostState, _ state: inout ConsoleState) {
        guard !host.marked.isEmpty else { return }
        say(&state, "filter changed: \(host.marked.count == 1 ? "1 mark" : "\(host.marked.count) marks") dropped")
        host.marked = [:]
        host.rangeStart = nil
    }

    /// Puts `text` in the status line, after the message already there (the outcome of a write).
    private static func say(_ state: inout ConsoleState, _ text: String) {
        state.message = state.message.map { StatusMessage(text: $0.text + " · " + text, kind: $0.kind) } ?? .info(text)
    }

    /// Space: marks or unmarks the selected row and moves down.
    static func toggleMark(_ state: inout ConsoleState) -> [Effect] {
        guard var host = state.host, case .host = state.route, host.pane == .alerts,
              let alert = host.alerts.selectedRow else { return [] }
        if host.marked.removeValue(forKey: alert.id) == nil { host.mark([alert]) }
        host.alerts.cursor.move(by: 1, visible: state.hostAlertRows)
        state.host = host
        return followUp(state)
    }
}
