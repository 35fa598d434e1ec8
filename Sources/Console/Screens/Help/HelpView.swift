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

    /// What the marks on the screens mean, shown after the keys.
    static let legend = [
        ("new", "A destination " + HostView.newRule + ": the destinations the hosts ranking counts as new"),
        ("94+3", "One connection's alerts on a host: alert 94 and 3 more, one per sensor's record of it; the row's "
            + "status is the most open of theirs (open if any is open, else acknowledged if any is), and an action reaches them all"),
        ("▲ 3 new (g)", "Rows a refresh put above the selected one in a newest-first list; g goes up to them. In a list reversed "
            + "to oldest first (I) new rows arrive at its end: ▼ 3 new (G), and G goes down to them"),
    ]

    /// The keymap, one section per context, then the mouse, then what the marks on screen mean.
    static func helpLines(box: Box, theme: Theme) -> [StyledLine] {
        var lines: [StyledLine] = []
        for section in Keymap.helpSections {
            if !lines.isEmpty { lines.append(StyledLine()) }
            lines.append(StyledLine(section.title, theme.style(.accent, [.bold, .underline])))
            for row in section.rows {
                lines += entry(row.keys, row.help, width: box.innerWidth, theme: theme)
            }
        }
        lines.append(StyledLine())
        lines.append(StyledLine("Marks on screen", theme.style(.accent, [.bold, .underline])))
        for (mark, meaning) in legend { lines += entry(mark, meaning, width: box.innerWidth, theme: theme) }
        return lines
    }

    /// `label` in the key column, `text` wrapped beside it.
    private static func entry(_ label: String, _ text: String, width: Int, theme: Theme) -> [StyledLine] {
        let keyWidth = 18
        return DisplayText.wrapped(text, to: max(1, width - keyWidth)).enumerated().map { index, line in
            let key = index == 0 ? DisplayText.fitted(label, to: keyWidth) : String(repeating: " ", count: keyWidth)
            return StyledLine(key, theme.key).appending(line, theme.plain)
        }
    }
}
