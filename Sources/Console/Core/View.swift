import ScreenCore

/// Draws the state. Pure: the same state always gives the same screen.
func view(_ state: ConsoleState, color: Bool) -> Screen {
    var screen = Screen(width: state.width, height: state.height)
    let theme = Theme(color: color)
    let layout = state.layout
    guard !layout.isTooSmall else {
        TooSmallView.draw(state, into: &screen, theme: theme)
        return screen
    }
    FrameView.drawBreadcrumbs(state, into: &screen, theme: theme)
    switch state.route {
    case .hosts: HostsView.draw(state, into: &screen, theme: theme)
    case .host: HostView.draw(state, into: &screen, theme: theme)
    case .alert: AlertView.draw(state, into: &screen, theme: theme)
    case .history: HistoryView.draw(state, into: &screen, theme: theme)
    case .exceptions: ExceptionsView.draw(state, into: &screen, theme: theme)
    case .rule: RuleView.draw(state, into: &screen, theme: theme)
    }
    OverlayView.draw(state, into: &screen, theme: theme)
    SearchView.highlight(state, into: &screen)
    FrameView.drawStatus(state, into: &screen, theme: theme)
    FrameView.drawHints(state, into: &screen, theme: theme)
    return screen
}
