/// A list the repository serves page by page: a cursor over `total` rows and the window of rows
/// loaded around the visible ones, so memory does not grow with the size of the store.
struct PagedList<Row: ListRow>: Hashable, Sendable {
    var cursor = ListCursor()
    /// The absolute index of `rows.first`.
    var windowOffset = 0
    var rows: [Row] = []
    /// False until the first page arrives.
    var isLoaded = false

    /// The row at absolute `index`, when loaded.
    func row(at index: Int) -> Row? {
        let local = index - windowOffset
        return rows.indices.contains(local) ? rows[local] : nil
    }

    var selectedRow: Row? { row(at: cursor.selected) }

    /// The page to fetch so the visible rows are loaded, or nil when they are: one screenful either
    /// side of the visible rows, so scrolling a little needs no query.
    func missingPage(visible: Int) -> (offset: Int, limit: Int)? {
        let range = cursor.visibleRange(visible)
        let loaded = windowOffset..<(windowOffset + rows.count)
        if isLoaded, range.isEmpty || (loaded.contains(range.lowerBound) && loaded.contains(range.upperBound - 1)) {
            return nil
        }
        let page = max(1, visible)
        return (max(0, cursor.top - page), page * 3)
    }

    /// The page to fetch to reload what is on screen (refresh).
    func reloadPage(visible: Int) -> (offset: Int, limit: Int) {
        let page = max(1, visible)
        return (max(0, cursor.top - page), page * 3)
    }

    /// Takes a fetched page, keeping the selection on the same row (by identity) when the page
    /// still holds it.
    mutating func apply(rows newRows: [Row], offset: Int, total: Int, visible: Int) {
        let selectedID = selectedRow?.rowID
        let screenRow = cursor.selected - cursor.top
        rows = newRows
        windowOffset = offset
        isLoaded = true
        cursor.count = total
        if let selectedID, let index = newRows.firstIndex(where: { $0.rowID == selectedID }) {
            cursor.selected = offset + index
            cursor.top = cursor.selected - screenRow
        }
        cursor.resize(count: total, visible: visible)
    }
}
