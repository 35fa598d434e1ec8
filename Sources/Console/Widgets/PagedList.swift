/// A list the repository serves page by page: a cursor over `total` rows and the window of rows
/// loaded around the visible ones, so memory does not grow with the size of the store.
struct PagedList<Row: ListRow>: Hashable, Sendable {
    var cursor = ListCursor()
    /// The absolute index of `rows.first`.
    var windowOffset = 0
    var rows: [Row] = []
    /// False until the first page arrives.
    var isLoaded = false
    /// How many new rows a refresh put between the selected row and the list's newest end (above it,
    /// or below it when `newestLast`) since the analyst last went to them.
    var newRows = 0
    /// Set for a list reversed to run oldest first: its new rows arrive at its end.
    var newestLast = false

    /// The row at absolute `index`, when loaded.
    func row(at index: Int) -> Row? {
        let local = index - windowOffset
        return rows.indices.contains(local) ? rows[local] : nil
    }

    var selectedRow: Row? { row(at: cursor.selected) }

    /// The page to fetch so the visible rows are loaded, or nil when they are: one screenful either
    /// side of the visible rows, so scrolling a little needs no query. Nil too until the first page
    /// arrives: whoever emptied the list asked for it (`reloadPage`), so the screen's other reads,
    /// which arrive first, do not ask for it again.
    func missingPage(visible: Int) -> (offset: Int, limit: Int)? {
        let range = cursor.visibleRange(visible)
        let loaded = windowOffset..<(windowOffset + rows.count)
        guard isLoaded, !range.isEmpty, !(loaded.contains(range.lowerBound) && loaded.contains(range.upperBound - 1)) else {
            return nil
        }
        return reloadPage(visible: visible)
    }

    /// The page to fetch to load or reload what is on screen (first page, refresh).
    func reloadPage(visible: Int) -> (offset: Int, limit: Int) {
        let page = max(1, visible)
        return (max(0, cursor.top - page), page * 3)
    }

    /// Takes a fetched page, keeping the selection on the same row (by identity) when the page
    /// still holds it. Rows that arrived (the total grew) on the newest side of it are counted in
    /// `newRows`. The top of the list stays in view whenever the selection allows; else the list
    /// scrolls only as far as it needs.
    mutating func apply(rows page: [Row], offset: Int, total: Int, visible: Int) {
        let selectedID = selectedRow?.rowID
        let previous = cursor.selected
        let arrived = isLoaded ? max(0, total - cursor.count) : 0
        rows = page
        windowOffset = offset
        isLoaded = true
        cursor.count = total
        if let selectedID, let index = page.firstIndex(where: { $0.rowID == selectedID }) {
            cursor.selected = offset + index
            newRows += min(arrived, max(0, newestLast ? total - 1 - cursor.selected : cursor.selected - previous))
        }
        if cursor.selected < max(1, visible) { cursor.top = 0 }
        cursor.resize(count: total, visible: visible)
        seeNewRows()
    }

    /// Forgets the new rows once the selection has reached them.
    mutating func seeNewRows() {
        let reached = newestLast ? cursor.selected >= cursor.count - newRows : cursor.selected < newRows
        if reached { newRows = 0 }
    }
}
