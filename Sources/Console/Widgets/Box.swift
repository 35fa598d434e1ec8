import ScreenCore

/// A framed, cleared rectangle centred on the screen, for overlays.
struct Box {
    var top: Int
    var left: Int
    var width: Int
    var height: Int

    /// A box of at most `width` × `height`, centred and kept inside the body rows.
    static func centred(width: Int, height: Int, in layout: Layout) -> Box {
        let width = min(width, layout.width)
        let height = min(height, layout.bodyHeight)
        return Box(top: layout.bodyTop + max(0, (layout.bodyHeight - height) / 2), left: max(0, (layout.width - width) / 2),
                   width: width, height: height)
    }

    /// Rows inside the frame.
    var innerHeight: Int { max(0, height - 2) }
    var innerWidth: Int { max(0, width - 4) }
    var innerLeft: Int { left + 2 }
    var innerTop: Int { top + 1 }

    func draw(title: String, into screen: inout Screen, theme: Theme, tone: Tone = .accent) {
        let frame = theme.style(tone, .bold)
        for row in top..<(top + height) { screen.fill(row: row, column: left, count: width) }
        let horizontal = String(repeating: "─", count: max(0, width - 2))
        screen.draw("┌" + horizontal + "┐", row: top, column: left, style: frame)
        screen.draw("└" + horizontal + "┘", row: top + height - 1, column: left, style: frame)
        for row in (top + 1)..<max(top + 1, top + height - 1) {
            screen.draw("│", row: row, column: left, style: frame)
            screen.draw("│", row: row, column: left + width - 1, style: frame)
        }
        screen.draw(" " + DisplayText.truncated(title, to: max(0, width - 6)) + " ", row: top, column: left + 2, style: frame)
    }
}
