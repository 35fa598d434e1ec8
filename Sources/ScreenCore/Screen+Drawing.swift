extension Screen {
    /// Writes `text` from `column` on `row`, sanitized, clipped at the right edge (or at
    /// `column + maxWidth`); returns the column after the last cell written. A wide character that
    /// does not fit is left out rather than split; zero-width characters are left out.
    @discardableResult
    public mutating func draw(_ text: String, row: Int, column: Int, style: CellStyle = .plain,
                              maxWidth: Int? = nil) -> Int {
        let limit = min(width, maxWidth.map { column + $0 } ?? width)
        var cursor = column
        for character in DisplayText.sanitized(text) {
            let columns = DisplayWidth.of(character)
            // Zero-width leftovers (a lone combining mark, format characters such as U+200E) take
            // no cell; marks that belong to a character are already part of its grapheme.
            if columns == 0 { continue }
            guard cursor + columns <= limit else { break }
            self[row, cursor] = Cell(grapheme: String(character), style: style)
            if columns == 2 { self[row, cursor + 1] = Cell(grapheme: "", style: style) }
            cursor += columns
        }
        return cursor
    }

    /// Paints `count` cells from `column` on `row` with `style`, keeping their graphemes.
    public mutating func paint(row: Int, column: Int, count: Int, style: CellStyle) {
        for index in column..<max(column, min(width, column + count)) { self[row, index].style = style }
    }

    /// Writes spaces in `style` over `count` cells from `column` on `row`.
    public mutating func fill(row: Int, column: Int = 0, count: Int? = nil, style: CellStyle = .plain) {
        let end = min(width, column + (count ?? width))
        for index in max(0, column)..<max(max(0, column), end) { self[row, index] = Cell(grapheme: " ", style: style) }
    }
}
