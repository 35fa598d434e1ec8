/// The console's logic: applies `msg` to `state` and returns the effects to run. Pure: all I/O is
/// in the returned effects, whose results come back as further messages.
func update(_ state: inout ConsoleState, _ msg: Msg) -> [Effect] {
    Update.apply(&state, msg)
}

/// The parts of `update`, one file per concern (keys, navigation, loading, triage, forms, commands).
enum Update {
    static func apply(_ state: inout ConsoleState, _ msg: Msg) -> [Effect] {
        switch msg {
        case .input(.key(let key)):
            return handleKey(&state, key)
        case .input(.resize(let width, let height)):
            state.width = width
            state.height = height
            if case .raw(var record) = state.overlay {
                record.fit(width: RawView.rawBox(state.layout).innerWidth)
                state.overlay = .raw(record)
            }
            return reload(state)
        case .input(.mouse(let mouse)):
            return handleMouse(&state, mouse)
        case .input(.tick):
            return [.pollChangeToken(reload: true)]
        case .changeTokenRead(let token, let reload):
            defer { state.changeToken = token }
            guard reload, let previous = state.changeToken, previous != token else { return [] }
            return refresh(&state)
        case .auditLoaded(let entries):
            return applyAuditLoaded(&state, entries)
        case .listMatchesFound(let list, let query, let positions):
            return applyStoreMatches(&state, Search.StoreMatches(list: list, query: query, positions: positions))
        case .openAlertsCounted(let scope, let count):
            applyExceptionPreview(&state, scope: scope, openAlerts: count)
            return []
        case .hostsFound(let text, let screen, let hosts):
            return openFoundHost(&state, text, screen, hosts)
        case .failed(let context, let error):
            state.message = .error("\(context) failed: \(error)")
            return []
        case .hostsLoaded, .activityLoaded, .destinationsLoaded, .hostCaseLoaded, .connectionsLoaded, .alertLoaded, .historyLoaded,
             .timelineLoaded, .exceptionsLoaded, .executionsLoaded:
            return applyLoaded(&state, msg)
        case .statusSet, .noteAdded, .guideStepSet, .caseStateSet, .caseNoteAdded, .exceptionAdded, .exceptionUpdated, .exceptionRemoved:
            return applyWritten(&state, msg)
        }
    }
}
