import Detection
import TriageModel

extension Update {
    /// Opens `route` on top of the current one; a route already open is returned to instead.
    static func push(_ state: inout ConsoleState, _ route: Route) -> [Effect] {
        enter(&state, route)
        return reload(state)
    }

    /// Puts `route` in front, without loading it: on top of the current one, or, when it is
    /// already open, by going back to it.
    static func enter(_ state: inout ConsoleState, _ route: Route) {
        state.overlay = nil
        if let index = state.routes.firstIndex(of: route) {
            state.setRoutes(Array(state.routes.prefix(through: index)))
        } else {
            state.setRoutes(state.routes + [route])
        }
    }

    /// Goes back one screen and reloads it (what was done further in may have changed it); on the
    /// hosts screen it clears the filters instead (back to the hosts that need attention).
    static func goBack(_ state: inout ConsoleState) -> [Effect] {
        if state.route == .hosts, state.routes.count == 1 {
            guard state.hosts.filter != HostsState.attention else { return [] }
            state.hosts.filter = HostsState.attention
            return restartHosts(&state)
        }
        state.setRoutes(Array(state.routes.dropLast()))
        return reload(state)
    }

    /// Enter: drills into the selected row, or what opening means on this screen.
    static func open(_ state: inout ConsoleState) -> [Effect] {
        switch state.route {
        case .hosts: return openHost(&state)
        case .host: return openInHost(&state)
        case .history: return openFlowRecord(&state)
        case .exceptions:
            return triage(&state, .editException)
        case .alert, .rule:
            return []
        }
    }

    /// H: the history of the host in front or selected.
    static func openHistory(_ state: inout ConsoleState) -> [Effect] {
        let address: IPAddress?
        switch state.route {
        case .hosts: address = state.hosts.list.selectedRow?.address
        case .host(let host): address = host
        case .alert: address = state.alert?.record?.flow.event.sourceIPs.first
        case .history, .exceptions, .rule: address = nil
        }
        guard let address else { return [] }
        return push(&state, .history(address))
    }

    /// Tab / Shift-Tab: the next or previous pane.
    static func switchPane(_ state: inout ConsoleState, forward: Bool) -> [Effect] {
        func next<P: CaseIterable & Equatable>(_ pane: P) -> P {
            let all = Array(P.allCases)
            let index = all.firstIndex(of: pane) ?? 0
            return all[(index + (forward ? 1 : all.count - 1)) % all.count]
        }
        switch state.route {
        case .host:
            guard let pane = state.host?.pane else { return [] }
            state.host?.pane = next(pane)
        case .alert:
            guard let pane = state.alert?.pane else { return [] }
            state.alert?.pane = next(pane)
            state.alert?.scroll = 0
        default: break
        }
        return []
    }
}
