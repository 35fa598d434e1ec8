/// The counts at the right of the status line for the screen in front.
enum StatusSummary {
    static func text(_ state: ConsoleState) -> String {
        switch state.route {
        case .hosts:
            let list = state.hosts.list
            return position(list.cursor, noun: "host")
        case .host:
            guard let host = state.host else { return "" }
            let marked = host.marked.isEmpty ? "" : "\(host.marked.count) marked · "
            return host.pane == .alerts ? marked + position(host.alerts.cursor, noun: "alert")
                : marked + position(host.destinationCursor, noun: "destination")
        case .alert:
            guard let record = state.alert?.record else { return "" }
            let steps = state.rule.investigationGuide.steps.count
            return "guide \(record.checkedGuideSteps.filter { $0 < steps }.count)/\(steps) · \(record.noteCount == 1 ? "1 note" : "\(NumberText.grouped(record.noteCount)) notes")"
        case .history:
            guard let history = state.history else { return "" }
            return position(history.flows.cursor, noun: "flow")
        case .exceptions:
            return position(state.exceptions.cursor, noun: "exception")
        case .rule:
            return "rule v\(state.rule.version)"
        }
    }

    /// `host 3 of 10,000`, or `no hosts`.
    private static func position(_ cursor: ListCursor, noun: String) -> String {
        guard cursor.count > 0 else { return "no \(noun)s" }
        return "\(noun) \(NumberText.grouped(cursor.selected + 1)) of \(NumberText.grouped(cursor.count))"
    }
}
