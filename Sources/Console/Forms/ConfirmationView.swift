import ScreenCore

/// A yes/no question over the screen, titled and framed in the warning tone.
enum ConfirmationView {
    static func draw(_ confirmation: Confirmation, _ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        let width = min(72, state.layout.width - 4)
        var lines = confirmation.lines.flatMap { StyledLine.wrapped($0, width: width - 4, style: theme.style(.medium, .bold)) }
        lines.append(StyledLine())
        lines.append(StyledLine("y", theme.key).appending(" yes    ", theme.plain).appending("n", theme.key).appending(" no", theme.plain))
        // A title longer than the frame's top line is written whole inside the box too, which the
        // box's height counts, so the y/n line stays in it.
        if DisplayText.width(confirmation.title) > width - 6 {
            lines.insert(contentsOf: StyledLine.wrapped(confirmation.title, width: width - 4, style: theme.style(.normal, .bold)), at: 0)
        }
        let box = Box.centred(width: width, height: lines.count + 2, in: state.layout)
        box.draw(title: confirmation.title, into: &screen, theme: theme, tone: .medium)
        OverlayView.drawLines(lines, scroll: 0, box: box, into: &screen)
    }
}
