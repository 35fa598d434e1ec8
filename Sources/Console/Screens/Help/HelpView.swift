import ScreenCore

/// The `?` overlay: every key binding, one section per keymap context, scrolled with j/k.
enum HelpView {
    static func draw(_ state: ConsoleState, scroll: Int, into screen: inout Screen, theme: Theme) {
        let box = helpBox(state.layout)
        box.draw(title: "Keys — j/k scroll, Esc closes", into: &screen, theme: theme)
        OverlayView.drawLines(helpLines(box: box, theme: theme), scroll: scroll, box: box, into: &screen)
    }

    static func helpBox(_ layout: Layout) -> Box {
        Box.centred(width: 88, height: layout.bodyHeight, in: layout)
    }

    /// The keymap, one section per context, then the mouse.
    static func helpLines(box: Box, theme: Theme) -> [StyledLine] {
        var lines: [StyledLine] = []
        let keyWidth = 18
        for section in Keymap.helpSections {
            if !lines.isEmpty { lines.append(StyledLine()) }
            lines.append(StyledLine(section.title, theme.style(.accent, [.bold, .underline])))
            for row in section.rows {
                let help = DisplayText.wrapped(row.help, to: max(1, box.innerWidth - keyWidth))
                for (index, text) in help.enumerated() {
                    let keys = index == 0 ? DisplayText.fitted(row.keys, to: keyWidth) : String(repeating: " ", count: keyWidth)
                    lines.append(StyledLine(keys, theme.key).appending(text, theme.plain))
                }
            }
        }
        return lines
    }
}
