import ScreenCore

/// The title line of a pane: `▸ Alerts (12)` in bold when focused, dim otherwise; cut with `…`
/// where the screen ends.
enum PaneTitle {
    static func draw(_ title: String, focused: Bool, row: Int, into screen: inout Screen, theme: Theme) {
        screen.draw(DisplayText.truncated((focused ? "▸ " : "  ") + title, to: screen.width - 1), row: row, column: 0,
                    style: focused ? theme.style(.accent, [.bold]) : theme.style(.muted))
    }
}
