import Detection
import ScreenCore
import TriageModel

/// Whatever sits over the screen: help, the raw record, a form or a confirmation.
enum OverlayView {
    static func draw(_ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        switch state.overlay {
        case .help, .raw, .form, .confirm: dimBody(state.layout, into: &screen)
        case .command, .filter, nil: break
        }
        switch state.overlay {
        case .help(let scroll): drawHelp(state, scroll: scroll, into: &screen, theme: theme)
        case .raw(let record): drawRaw(record, state, into: &screen, theme: theme)
        case .form(let form): FormView.draw(form, state, into: &screen, theme: theme)
        case .confirm(let confirmation): drawConfirmation(confirmation, state, into: &screen, theme: theme)
        case .command, .filter, nil: break
        }
    }

    private static func drawHelp(_ state: ConsoleState, scroll: Int, into screen: inout Screen, theme: Theme) {
        let box = helpBox(state.layout)
        box.draw(title: "Keys — j/k scroll, Esc closes", into: &screen, theme: theme)
        drawLines(helpLines(box: box, theme: theme), scroll: scroll, box: box, into: &screen)
    }

    static func helpBox(_ layout: Layout) -> Box {
        Box.centred(width: 88, height: layout.bodyHeight, in: layout)
    }

    static func rawBox(_ layout: Layout) -> Box {
        Box.centred(width: layout.width, height: layout.bodyHeight, in: layout)
    }

    /// The keymap, one section per context.
    static func helpLines(box: Box, theme: Theme) -> [StyledLine] {
        var lines: [StyledLine] = []
        let keyWidth = 18
        for context in KeyContext.allCases {
            let bindings = Keymap.bindings.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(StyledLine()) }
            lines.append(StyledLine(context.rawValue, theme.style(.accent, [.bold, .underline])))
            for binding in bindings {
                let help = DisplayText.wrapped(binding.help, to: max(1, box.innerWidth - keyWidth))
                for (index, text) in help.enumerated() {
                    let keys = index == 0 ? DisplayText.fitted(binding.keyLabel, to: keyWidth) : String(repeating: " ", count: keyWidth)
                    lines.append(StyledLine(keys, theme.key).appending(text, theme.plain))
                }
            }
        }
        return lines
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

    private static func drawRaw(_ record: RawRecord, _ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        let box = rawBox(state.layout)
        let origin = record.flow.origin
        box.draw(title: "Original record · \(origin.path) line \(origin.line) (\(origin.format))", into: &screen, theme: theme)
        drawLines(visibleRawLines(record, box: box, theme: theme), scroll: 0, box: box, into: &screen)
    }

    private static func drawConfirmation(_ confirmation: Confirmation, _ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        let width = min(72, state.layout.width - 4)
        var lines = confirmation.lines.flatMap { StyledLine.wrapped($0, width: width - 4, style: theme.style(.medium, .bold)) }
        lines.append(StyledLine())
        lines.append(StyledLine("y", theme.key).appending(" yes    ", theme.plain).appending("n", theme.key).appending(" no", theme.plain))
        let box = Box.centred(width: width, height: lines.count + 2, in: state.layout)
        box.draw(title: confirmation.title, into: &screen, theme: theme, tone: .medium)
        if DisplayText.width(confirmation.title) > box.width - 6 {
            lines.insert(contentsOf: StyledLine.wrapped(confirmation.title, width: box.innerWidth, style: theme.style(.normal, .bold)), at: 0)
        }
        drawLines(lines, scroll: 0, box: box, into: &screen)
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
