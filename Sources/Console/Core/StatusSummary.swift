import ScreenCore

/// The counts at the right of the status line for the screen in front.
enum StatusSummary {
    static func text(_ state: ConsoleState) -> String {
        switch state.route {
        case .hosts:
            return newRows(state.hosts.list) + position(state.hosts.list.cursor, noun: "host")
        case .host:
            guard let host = state.host else { return "" }
            let marked = host.marked.isEmpty ? "" : "\(NumberText.grouped(host.marked.count)) marked · "
            return host.pane == .alerts ? newRows(host.alerts) + marked + position(host.alerts.cursor, noun: "connection")
                    + " · \(Update.alertCount(host.alertCount))"
                : marked + position(host.destinationCursor, noun: "destination")
        case .alert:
            guard let record = state.alert?.record else { return "" }
            let steps = state.rule.investigationGuide.steps.count
            return "guide \(record.checkedGuideSteps.filter { $0 < steps }.count)/\(steps) · \(record.noteCount == 1 ? "1 note" : "\(NumberText.grouped(record.noteCount)) notes")"
        case .history:
            guard let history = state.history else { return "" }
            return newRows(history.flows) + position(history.flows.cursor, noun: "flow")
        case .exceptions:
            return position(state.exceptions.cursor, noun: "exception")
        case .rule:
            return "rule v\(state.rule.version)"
        }
    }

    /// `▲ 3 new (g) · ` when a refresh put rows above the selection, `▼ 3 new (G) · ` below it in a
    /// list reversed to run oldest first, else nothing.
    private static func newRows<Row>(_ list: PagedList<Row>) -> String {
        guard list.newRows > 0 else { return "" }
        let (arrow, key) = list.newestLast ? ("▼", "G") : ("▲", "g")
        return "\(arrow) \(NumberText.grouped(list.newRows)) new (\(key)) · "
    }

    /// `host 3 of 10,000`, or `no hosts`.
    private static func position(_ cursor: ListCursor, noun: String) -> String {
        guard cursor.count > 0 else { return "no \(noun)s" }
        return "\(noun) \(NumberText.grouped(cursor.selected + 1)) of \(NumberText.grouped(cursor.count))"
    }
}
