import ScreenCore

/// How a search shows: its prompt or query with `match 3 of 12` in the status line, and every
/// occurrence on screen highlighted.
enum SearchView {
    /// Draws the search's status line; false when no search is in front (the status line is the usual one).
    static func drawStatus(_ state: ConsoleState, row: Int, into screen: inout Screen, theme: Theme) -> Bool {
        guard let search = Update.activeSearch(state) else { return false }
        let progress = Update.searchProgress(state)
        let progressWidth = DisplayWidth.of(progress)
        screen.draw(progress, row: row, column: max(0, screen.width - progressWidth - 1), style: theme.muted)
        let room = max(0, screen.width - progressWidth - 3)
        let start = screen.draw("/", row: row, column: 1, style: theme.key)
        if search.isEditing {
            FieldView.draw(search.field, row: row, column: start, width: room - start, focused: true, into: &screen, theme: theme)
        } else {
            screen.draw(DisplayText.truncated(search.query + "  (n next · N previous · Esc clears)", to: room - start),
                        row: row, column: start, style: theme.style(.accent, .bold))
        }
        return true
    }

    /// Highlights every occurrence of the search's query between the breadcrumbs and the status line.
    static func highlight(_ state: ConsoleState, into screen: inout Screen) {
        guard let query = Update.activeSearch(state)?.query, !query.isEmpty else { return }
        let wanted = DisplayText.sanitized(query).lowercased().map(String.init)
        for row in 1..<state.layout.statusRow {
            let columns = (0..<screen.width).filter { !screen[row, $0].isContinuation }
            let graphemes = columns.map { screen[row, $0].grapheme.lowercased() }
            guard graphemes.count >= wanted.count else { continue }
            for start in 0...(graphemes.count - wanted.count) where Array(graphemes[start..<(start + wanted.count)]) == wanted {
                for column in columns[start..<(start + wanted.count)] {
                    screen[row, column].style.tone = .medium
                    screen[row, column].style.emphasis.formUnion([.bold, .underline])
                }
            }
        }
    }
}
