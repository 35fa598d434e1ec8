import Detection
import ScreenCore
import TriageModel

/// Whatever sits over the screen: help, the raw record, a form or a confirmation.
enum OverlayView {
    static func draw(_ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        switch state.overlay {
        case .help, .raw, .audit, .caseNotes, .form, .confirm: dimBody(state.layout, into: &screen)
        case .command, .filter, nil: break
        }
        switch state.overlay {
        case .help(let scroll): HelpView.draw(state, scroll: scroll, into: &screen, theme: theme)
        case .raw(let record): RawView.draw(record, state, into: &screen, theme: theme)
        case .audit(let log): AuditView.draw(log, state, into: &screen, theme: theme)
        case .caseNotes(let scroll): CaseNotesView.draw(scroll: scroll, state, into: &screen, theme: theme)
        case .form(let form): FormView.draw(form, state, into: &screen, theme: theme)
        case .confirm(let confirmation): ConfirmationView.draw(confirmation, state, into: &screen, theme: theme)
        case .command, .filter, nil: break
        }
    }

    /// Dims what the overlay covers, so the dialog stands out.
    private static func dimBody(_ layout: Layout, into screen: inout Screen) {
        for row in layout.bodyTop..<(layout.bodyTop + layout.bodyHeight) {
            for column in 0..<screen.width { screen[row, column].style.emphasis.insert(.dim) }
        }
    }

    static func drawLines(_ lines: [StyledLine], scroll: Int, box: Box, into screen: inout Screen) {
        var inner = Screen(width: box.innerWidth, height: box.innerHeight)
        StyledLine.draw(lines, scroll: scroll, top: 0, height: box.innerHeight, into: &inner)
        for row in 0..<inner.height {
            for column in 0..<inner.width { screen[box.innerTop + row, box.innerLeft + column] = inner[row, column] }
        }
    }
}
