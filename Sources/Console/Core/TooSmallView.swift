import ScreenCore

/// What a terminal below the minimum size shows instead of the console.
enum TooSmallView {
    static func draw(_ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        let message = "smbtriage needs at least \(Layout.minimumWidth)×\(Layout.minimumHeight); this terminal is "
            + "\(state.width)×\(state.height). Enlarge it, or press q to quit."
        let lines = DisplayText.wrapped(message, to: max(1, screen.width - 2))
        let top = max(0, (screen.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let column = max(0, (screen.width - DisplayWidth.of(line)) / 2)
            screen.draw(line, row: top + offset, column: column, style: theme.style(.medium, .bold))
        }
    }
}
