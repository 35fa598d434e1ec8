/// What a search looks through on the screen in front: its lines (for a paged list, the rows loaded
/// around the view, unless the store searched the whole list), the absolute index of the first one
/// and the line the view is on.
struct SearchText {
    var lines: [String]
    var offset = 0
    var position: Int
    /// Scrolling text (not a list): the scroll may stop short of a match near the end, so the
    /// search remembers the match it went to.
    var isText = false
    /// The matches over the whole list when the store found them (else the loaded lines are searched).
    var storeMatches: [Int]?

    /// Where the search stands: the selected row of a list, the match a text was scrolled to.
    func position(of search: Search) -> Int {
        isText ? search.current ?? position : position
    }

    /// The absolute indices of the lines that contain `query`.
    func matches(_ query: String) -> [Int] {
        storeMatches ?? Search.matches(query, in: lines).map { $0 + offset }
    }
}
