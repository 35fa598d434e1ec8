/// How far the scrolling text in front can scroll, so `update` stops at its end (the line count
/// depends on the width the view wraps to, hence it lives with the views).
enum ScrollExtent {
    static func maximum(_ state: ConsoleState) -> Int {
        let layout = state.layout
        let theme = Theme(color: false)
        switch state.overlay {
        case .help:
            let box = HelpView.helpBox(layout)
            return max(0, HelpView.helpLines(box: box, theme: theme).count - box.innerHeight)
        case .raw(let record):
            return max(0, record.lineCount - RawView.rawBox(layout).innerHeight)
        case .audit(let log):
            return max(0, AuditView.lines(log, state, theme: theme).count - AuditView.auditBox(layout).innerHeight)
        case .caseNotes:
            return max(0, CaseNotesView.lines(state, theme: theme).count - CaseNotesView.notesBox(layout).innerHeight)
        case .command, .filter, .form, .confirm, nil:
            break
        }
        switch state.route {
        case .alert:
            guard let alert = state.alert, let record = alert.record else { return 0 }
            return max(0, AlertView.paneLines(alert, record, state, theme: theme).lines.count - layout.textRows)
        case .rule:
            return max(0, RuleView.lines(state, width: state.width, theme: theme).count - layout.bodyHeight)
        case .hosts, .host, .history, .exceptions:
            return 0
        }
    }
}
