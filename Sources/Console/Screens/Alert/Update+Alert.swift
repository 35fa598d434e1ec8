/// The alert screen's loading and actions.
extension Update {
    /// Takes the alert and its notes; false for any other message or a stale one.
    static func applyAlertLoaded(_ state: inout ConsoleState, _ msg: Msg) -> Bool {
        guard case .alertLoaded(let id, let record, let notes, let connection) = msg, state.alert?.id == id else { return false }
        state.alert?.record = record
        state.alert?.notes = notes
        state.alert?.connection = connection
        state.alert?.isLoaded = true
        let steps = state.rule.investigationGuide.steps.count
        let visible = state.layout.textRows
        state.alert?.guideCursor.resize(count: steps, visible: visible)
        return true
    }

    /// Space in the guide pane: ticks or unticks the selected step (a write).
    static func toggleGuideStep(_ state: inout ConsoleState) -> [Effect] {
        guard let alert = state.alert, let record = alert.record, alert.pane == .guide else { return [] }
        guard !state.readOnly else {
            state.message = readOnlyMessage
            return []
        }
        let step = alert.guideCursor.selected
        return [.setGuideStep(alertID: record.id, step: step, checked: !record.checkedGuideSteps.contains(step))]
    }

    /// ] and [: the next or previous alert of the same connection, in place of this one (wrapping),
    /// or back to it where the stack holds it already (a `:alert` went on from it).
    static func stepConnectionAlert(_ state: inout ConsoleState, forward: Bool) -> [Effect] {
        guard case .alert(let id) = state.route, let connection = state.alert?.connection,
              let ids = state.alert?.connectionIDs, let index = ids.firstIndex(of: id), ids.count > 1 else {
            state.message = .info("no other alert on this connection")
            return []
        }
        let next = ids[(index + (forward ? 1 : ids.count - 1)) % ids.count]
        state.setRoutes(Array(state.routes.dropLast()))
        enter(&state, .alert(next))
        if state.alert?.record == nil { state.alert = AlertState(id: next, connection: connection) }
        return reload(state)
    }

    /// r: the alert's original log record over the screen.
    static func showRaw(_ state: inout ConsoleState) -> [Effect] {
        guard let flow = state.alert?.record?.flow else { return [] }
        state.overlay = .raw(RawRecord(flow, width: RawView.rawBox(state.layout).innerWidth))
        return []
    }
}
