import ScreenCore

/// The raw-record overlay: a flow's original log line, escaped, wrapped to the box's width.
enum RawView {
    static func rawBox(_ layout: Layout) -> Box {
        Box.centred(width: layout.width, height: layout.bodyHeight, in: layout)
    }

    /// The lines of `record` the box shows from its scroll position: only these are styled and drawn.
    static func visibleRawLines(_ record: RawRecord, box: Box, theme: Theme) -> [StyledLine] {
        let first = max(0, min(record.scroll, record.lineCount - box.innerHeight))
        let end = min(record.lineCount, first + box.innerHeight)
        return (first..<end).map { index in
            index < record.lines.count ? StyledLine(record.lines[index], theme.plain)
                : StyledLine(record.cutNotice ?? "", theme.style(.medium, .bold))
        }
    }

    static func draw(_ record: RawRecord, _ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        let box = rawBox(state.layout)
        let origin = record.flow.origin
        let shape = record.isPretty ? " · JSON pretty-printed (p: original)" : ""
        box.draw(title: "Original record · \(origin.path) line \(origin.line) (\(origin.format))\(shape)", into: &screen, theme: theme)
        OverlayView.drawLines(visibleRawLines(record, box: box, theme: theme), scroll: 0, box: box, into: &screen)
    }
}
