import ScreenCore

/// An editable text field: its text, with the cursor in reverse video when focused.
enum FieldView {
    static func draw(_ field: TextField, row: Int, column: Int, width: Int, focused: Bool,
                     into screen: inout Screen, theme: Theme) {
        guard width > 0 else { return }
        let characters = Array(DisplayText.sanitized(field.text))
        let cursor = min(field.cursor, characters.count)
        var start = 0
        while DisplayWidth.of(String(characters[start..<cursor])) >= width, start < cursor { start += 1 }
        screen.fill(row: row, column: column, count: width, style: theme.style(.normal, .underline))
        let end = screen.draw(String(characters[start...]), row: row, column: column, style: theme.style(.normal, .underline),
                              maxWidth: width)
        guard focused else { return }
        let cursorColumn = column + DisplayWidth.of(String(characters[start..<cursor]))
        if cursorColumn < column + width, cursorColumn <= end {
            screen.paint(row: row, column: cursorColumn, count: 1, style: theme.style(.accent, .reverse))
        }
    }
}
