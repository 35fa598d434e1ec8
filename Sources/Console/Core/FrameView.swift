import ScreenCore
import TriageModel

/// The frame around every screen: breadcrumbs on top, the status line and key hints below.
enum FrameView {
    static func drawBreadcrumbs(_ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        screen.fill(row: 0, style: theme.bar)
        let crumbs = ["smbtriage"] + state.routes.map(crumb)
        var column = 1
        for (index, crumb) in crumbs.enumerated() {
            if index > 0 { column = screen.draw(" › ", row: 0, column: column, style: theme.bar) }
            let emphasis: Emphasis = index == crumbs.count - 1 ? [.reverse, .bold] : .reverse
            column = screen.draw(crumb, row: 0, column: column, style: theme.style(.accent, emphasis))
        }
        if state.readOnly {
            screen.draw(readOnlyMark, row: 0, column: column, style: theme.style(.medium, [.reverse, .bold]))
        }
    }

    private static let readOnlyMark = "  [read-only]"

    /// The column after the breadcrumbs and the read-only mark: a screen's title at the right of
    /// the top line ends before it rather than over them.
    static func breadcrumbsEnd(_ state: ConsoleState) -> Int {
        let crumbs = (["smbtriage"] + state.routes.map(crumb)).joined(separator: " › ")
        return 1 + DisplayText.width(crumbs) + (state.readOnly ? DisplayWidth.of(readOnlyMark) : 0)
    }

    static func drawStatus(_ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        let row = state.layout.statusRow
        screen.fill(row: row)
        switch state.overlay {
        case .command(let field):
            let commands = "  q · hosts · exceptions · rule · host HOST · history HOST · alert ID · sort NAME · audit · notes"
            let room = screen.width / 2
            drawPrompt(":", field, row: row, width: screen.width - room - 1, into: &screen, theme: theme)
            screen.draw(DisplayText.truncated(commands, to: room), row: row, column: screen.width - room, style: theme.muted)
            return
        case .filter(let field):
            drawPrompt("filter: ", field, row: row, width: screen.width - 1, into: &screen, theme: theme)
            return
        default:
            if SearchView.drawStatus(state, row: row, into: &screen, theme: theme) { return }
        }
        let summary = StatusSummary.text(state)
        let summaryWidth = DisplayWidth.of(summary)
        screen.draw(summary, row: row, column: screen.width - summaryWidth - 1, style: theme.muted)
        let room = max(0, screen.width - summaryWidth - 4)
        guard let message = state.message ?? capWarning(state, room: room - 2) else { return }
        let (symbol, tone): (String, Tone) = switch message.kind {
        case .info: ("·", .accent)
        case .success: ("✓", .ok)
        case .warning: ("!", .medium)
        case .error: ("✗", .critical)
        }
        screen.draw(DisplayText.truncated("\(symbol) \(message.text)", to: room), row: row, column: 1, style: theme.style(tone, .bold))
    }

    static func drawHints(_ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        let row = state.layout.hintsRow
        screen.fill(row: row)
        let hints = Keymap.hints(for: Update.keyContexts(state), readOnly: state.readOnly)
        let help = hints.first { $0.action == .help }
        func width(_ hint: Keymap.Hint) -> Int { DisplayWidth.of(hint.keys) + 1 + DisplayWidth.of(hint.label) + 2 }
        let room = screen.width - (help.map(width) ?? 0)
        var column = 1
        for hint in hints where hint.action != .help {
            guard column + width(hint) <= room else { break }
            column = draw(hint, row: row, column: column, into: &screen, theme: theme)
        }
        if let help { draw(help, row: row, column: column, into: &screen, theme: theme) }
    }

    /// `the last run hit its 100-alert cap; 40 pending`, while the newest execution did; where that
    /// is wider than `room`, `alert cap hit; 40 pending` (so the count is never what is cut).
    private static func capWarning(_ state: ConsoleState, room: Int) -> StatusMessage? {
        guard let last = state.ruleScreen.executions.first, last.capReached else { return nil }
        let pending = "\(NumberText.grouped(last.pending)) pending"
        let long = "the last run hit its \(NumberText.grouped(state.rule.maxSignals))-alert cap; \(pending)"
        return .warning(DisplayWidth.of(long) <= room ? long : "alert cap hit; \(pending)")
    }

    @discardableResult
    private static func draw(_ hint: Keymap.Hint, row: Int, column: Int, into screen: inout Screen, theme: Theme) -> Int {
        let column = screen.draw(hint.keys, row: row, column: column, style: theme.key)
        return screen.draw(" " + hint.label, row: row, column: column, style: theme.plain) + 2
    }

    /// A prompt label and its field, ending before column `width`.
    private static func drawPrompt(_ label: String, _ field: TextField, row: Int, width: Int, into screen: inout Screen,
                                   theme: Theme) {
        let start = screen.draw(label, row: row, column: 1, style: theme.key)
        FieldView.draw(field, row: row, column: start, width: width - start, focused: true, into: &screen, theme: theme)
    }

    private static func crumb(_ route: Route) -> String {
        switch route {
        case .hosts: "hosts"
        case .host(let address): "\(address)"
        case .alert(let id): "alert \(id)"
        case .history(let address): "history \(address)"
        case .exceptions: "exceptions"
        case .rule: "rule"
        }
    }
}
