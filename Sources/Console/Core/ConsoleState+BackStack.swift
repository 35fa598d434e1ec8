/// The state of a host, alert or history screen kept in the back stack while a screen of its kind
/// for another subject is in front (`:host`, `:alert`, `:history`, `]`), so that going back shows
/// that screen as it was left: its own host or alert, pane, selection and marks.
enum CoveredScreen: Hashable, Sendable {
    case host(HostState)
    case alert(AlertState)
    case history(HistoryState)
}

extension ConsoleState {
    /// Makes `newRoutes` the back stack. The screen states in front (`host`, `alert`, `history`)
    /// follow it: each is the state of the topmost route of its kind, taken back from the covered
    /// screens when that route was covered, else kept when it is for the same subject, else new;
    /// a route lower in the stack keeps its state in `coveredScreens`.
    mutating func setRoutes(_ newRoutes: [Route]) {
        for route in routes {
            if let front = frontState(of: route) { coveredScreens[route] = front }
        }
        routes = newRoutes.isEmpty ? [.hosts] : newRoutes
        coveredScreens = coveredScreens.filter { routes.contains($0.key) }
        for route in topmostOfEachKind {
            if let covered = coveredScreens.removeValue(forKey: route) {
                bringToFront(covered)
            } else {
                prepareFront(for: route)
            }
        }
    }

    /// The last host, alert and history route of the stack (those whose state is in front).
    private var topmostOfEachKind: [Route] {
        [routes.last { if case .host = $0 { true } else { false } },
         routes.last { if case .alert = $0 { true } else { false } },
         routes.last { if case .history = $0 { true } else { false } }].compactMap(\.self)
    }

    /// The state in front for `route`'s kind when it is `route`'s.
    private func frontState(of route: Route) -> CoveredScreen? {
        switch route {
        case .host(let address): host.flatMap { $0.address == address ? .host($0) : nil }
        case .alert(let id): alert.flatMap { $0.id == id ? .alert($0) : nil }
        case .history(let address): history.flatMap { $0.address == address ? .history($0) : nil }
        case .hosts, .exceptions, .rule: nil
        }
    }

    private mutating func bringToFront(_ covered: CoveredScreen) {
        switch covered {
        case .host(let state): host = state
        case .alert(let state): alert = state
        case .history(let state): history = state
        }
    }

    /// Gives `route`'s screen a new state unless the one in front is already for the same subject
    /// (a return visit keeps the selection).
    private mutating func prepareFront(for route: Route) {
        guard frontState(of: route) == nil else { return }
        switch route {
        case .host(let address): host = HostState(address: address)
        case .alert(let id): alert = AlertState(id: id)
        case .history(let address): history = HistoryState(address: address)
        case .hosts, .exceptions, .rule: break
        }
    }
}
