import Console
import Terminal

extension TerminalStyle {
    /// The terminal style for a console cell style: its emphasis as attributes, its tone as a colour.
    init(_ style: CellStyle) {
        self.init(
            bold: style.emphasis.contains(.bold),
            reverse: style.emphasis.contains(.reverse),
            underline: style.emphasis.contains(.underline),
            dim: style.emphasis.contains(.dim),
            color: TerminalColor(style.tone)
        )
    }
}
