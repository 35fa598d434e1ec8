/// What a search looks through on the screen in front: its lines (for a paged list, the rows loaded
/// around the view), the absolute index of the first one and the line the view is on.
struct SearchText {
    var lines: [String]
    var offset = 0
    var position: Int

    /// The absolute indices of the lines that contain `query`.
    func matches(_ query: String) -> [Int] {
        Search.matches(query, in: lines).map { $0 + offset }
    }
}
