import ScreenCore

/// One line of a text pane: runs of text with their styles.
struct StyledLine {
    var runs: [(text: String, style: CellStyle)] = []
    /// Draw the whole line in reverse video (a selected step).
    var isSelected = false

    init(_ text: String = "", _ style: CellStyle = .plain) {
        if !text.isEmpty { runs = [(text, style)] }
    }

    /// The line's text without its styles.
    var text: String { runs.map(\.text).joined() }

    func appending(_ text: String, _ style: CellStyle) -> StyledLine {
        var line = self
        line.runs.append((text, style))
        return line
    }

    /// Characters of one field value shown (log values can be arbitrarily long).
    static let fieldLimit = 4_096

    /// `label` in a fixed-width column, then `value` (up to `fieldLimit` characters) wrapped under
    /// itself to `width`.
    static func field(_ label: String, _ value: String, width: Int, theme: Theme, valueStyle: CellStyle? = nil,
                      labelWidth: Int = 16) -> [StyledLine] {
        let lines = DisplayText.wrapped(DisplayText.capped(value, at: fieldLimit), to: max(1, width - labelWidth - 2))
        return lines.enumerated().map { index, line in
            let label = index == 0 ? DisplayText.fitted(label, to: labelWidth) : String(repeating: " ", count: labelWidth)
            return StyledLine("  " + label, theme.muted).appending(line, valueStyle ?? theme.plain)
        }
    }

    /// `text` wrapped to `width`, the first line after `firstPrefix`, the rest after `prefix`.
    static func wrapped(_ text: String, width: Int, style: CellStyle, firstPrefix: String = "", prefix: String = "") -> [StyledLine] {
        let lines = DisplayText.wrapped(text, to: max(1, width - DisplayWidth.of(firstPrefix)))
        return lines.enumerated().map { index, line in StyledLine((index == 0 ? firstPrefix : prefix) + line, style) }
    }

    /// Draws `lines` from `scroll` into rows `top..<top + height`, from column `left`; returns the scroll actually used.
    @discardableResult
    static func draw(_ lines: [StyledLine], scroll: Int, top: Int, height: Int, into screen: inout Screen, from left: Int = 0) -> Int {
        let used = max(0, min(scroll, lines.count - height))
        for (offset, line) in lines.dropFirst(used).prefix(max(0, height)).enumerated() {
            var column = left
            for run in line.runs { column = screen.draw(run.text, row: top + offset, column: column, style: run.style) }
            if line.isSelected {
                for index in 0..<screen.width { screen[top + offset, index].style.emphasis.formUnion(.reverse) }
            }
        }
        return used
    }
}
