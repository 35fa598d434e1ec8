/// Which way a list is ordered, as every list shows it: `▼` (largest or newest first) or `▲`
/// after the title of the column it is sorted by, and reversed with `I`.
struct ListOrder: Hashable, Sendable {
    /// The table column the rows are sorted by.
    var column: Int
    /// The list's own direction: largest or newest first.
    var descending: Bool
    /// Set with `I`: the other way round.
    var reversed = false

    /// True when the rows on screen run largest or newest first.
    var showsDescending: Bool { descending != reversed }

    /// `▼` or `▲`.
    var arrow: String { showsDescending ? "▼" : "▲" }

    /// The direction in words, for a list ordered by time: "newest first" or "oldest first".
    var direction: String { showsDescending ? "newest first" : "oldest first" }

    /// `I` on a list held whole in memory: the order and `rows` the other way round, the cursor
    /// staying on its row.
    mutating func reverse<Row>(_ rows: inout [Row], cursor: inout ListCursor, visible: Int) {
        reversed.toggle()
        rows.reverse()
        if !rows.isEmpty { cursor.select(rows.count - 1 - cursor.selected, visible: visible) }
    }
}
