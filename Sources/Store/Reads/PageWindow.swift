/// Where to read a page of an ordered list of `total` rows: a page nearer the end is read
/// backwards from the end, so it skips only the rows after it instead of every row before it
/// (the console's `G` in a list of 100 k hosts).
struct PageWindow: Equatable {
    /// The offset and limit to query with.
    let offset: Int
    let limit: Int
    /// True when the query runs in reverse order: its rows are then reversed back.
    let isReversed: Bool

    init(offset requestedOffset: Int, limit requestedLimit: Int, total: Int) {
        let offset = max(requestedOffset, 0)
        limit = max(min(requestedLimit, total - offset), 0)
        let rowsAfter = total - offset - limit
        isReversed = limit > 0 && rowsAfter < offset
        self.offset = isReversed ? rowsAfter : offset
    }
}
