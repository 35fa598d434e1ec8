import TriageModel

extension Update {
    /// The effects that (re)load the screen in front, keeping selections.
    static func reload(_ state: ConsoleState) -> [Effect] {
        switch state.route {
        case .hosts: reloadHosts(state)
        case .host(let address): reloadHost(state, address)
        case .alert(let id): [.loadAlert(id)]
        case .history(let address): reloadHistory(state, address)
        case .exceptions: [.loadExceptions]
        case .rule: [.loadExecutions(limit: RuleState.executionLimit)]
        }
    }

    /// Reloads after the store changed underneath: sparklines are fetched afresh too, the
    /// executions, whose last one the status line warns about when it hit the cap, and the matches
    /// of a whole-list search shown (new rows move them).
    static func refresh(_ state: inout ConsoleState) -> [Effect] {
        state.hosts.activity = [:]
        let executions: [Effect] = state.route == .rule ? [] : [.loadExecutions(limit: RuleState.executionLimit)]
        return reload(state) + executions + findInStore(state)
    }

    /// The pages the lists in front still miss after their cursors moved, and the sparklines of the
    /// visible hosts.
    static func followUp(_ state: ConsoleState) -> [Effect] {
        switch state.route {
        case .hosts: followUpHosts(state)
        case .host: followUpHost(state)
        case .history: followUpHistory(state)
        case .alert, .exceptions, .rule: []
        }
    }

    /// Applies the result of a read, if it still belongs to what is on screen (each screen takes its own).
    static func applyLoaded(_ state: inout ConsoleState, _ msg: Msg) -> [Effect] {
        if case .alertLoaded(let id, nil, _, _) = msg, state.route == .alert(id) {
            // No alert has the id (a mistyped `:alert`, or one a prune removed): back where it came from, as `:host` stays.
            let effects = goBack(&state)
            state.message = .error("no alert \(id) in the store")
            return effects
        }
        let applied = applyHostsLoaded(&state, msg) || applyHostLoaded(&state, msg) || applyAlertLoaded(&state, msg)
            || applyHistoryLoaded(&state, msg) || applyExceptionsLoaded(&state, msg) || applyRuleLoaded(&state, msg)
        return applied ? followUp(state) : []
    }
}
