import ScreenCore

extension Update {
    /// Rows one notch of the wheel moves.
    static let wheelRows = 3

    /// With `--mouse`: a click selects the list row under the pointer (focusing its pane), a double
    /// click opens it, the wheel moves the selection of the list under the pointer by `wheelRows`
    /// (elsewhere it scrolls what is in front as the arrow keys do). Forms and prompts take no mouse.
    static func handleMouse(_ state: inout ConsoleState, _ mouse: MouseEvent) -> [Effect] {
        guard !state.layout.isTooSmall, activeSearch(state)?.isEditing != true else { return [] }
        switch state.overlay {
        case .command, .filter, .form, .confirm: return []
        case .help, .raw, .audit, .caseNotes, nil: break
        }
        let row = mouse.position.row
        let listUnderPointer = state.overlay == nil ? state.listAreas.first { $0.screenRows.contains(row) } : nil
        switch mouse.action {
        case .wheelUp, .wheelDown:
            let down = mouse.action == .wheelDown
            guard let area = listUnderPointer else {
                return (0..<wheelRows).flatMap { _ in handleKey(&state, down ? .down : .up) }
            }
            withCursor(of: area, in: &state) { cursor, visible in cursor.move(by: down ? wheelRows : -wheelRows, visible: visible) }
            return followUp(state)
        case .click, .doubleClick:
            guard let area = listUnderPointer, let offset = area.visibleOffset(ofScreenRow: row) else { return [] }
            let selected = withCursor(of: area, in: &state) { cursor, visible in
                guard cursor.top + offset < cursor.count else { return false }
                cursor.select(cursor.top + offset, visible: visible)
                return true
            }
            guard selected == true else { return [] }
            state.message = nil
            focus(area.list, in: &state)
            return mouse.action == .doubleClick ? open(&state) : followUp(state)
        }
    }

    /// Puts the keyboard focus on `list` when it is one of the host screen's panes.
    private static func focus(_ list: ListArea.List, in state: inout ConsoleState) {
        switch list {
        case .destinations: state.host?.pane = .destinations
        case .hostAlerts: state.host?.pane = .alerts
        case .hosts, .flows, .exceptions: break
        }
    }
}
