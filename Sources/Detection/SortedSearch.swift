/// Binary search over sorted range starts, written so the loop compiles to conditional moves
/// rather than unpredictable branches.
enum SortedSearch {
    /// The index of the last element of `starts` that is not above `key`, or nil when every
    /// element is above it.
    @inline(__always)
    static func lastIndex<Element: Comparable>(atOrBelow key: Element, in starts: UnsafeBufferPointer<Element>) -> Int? {
        var count = starts.count
        guard count > 0 else { return nil }
        var base = 0
        while count > 1 {
            let half = count >> 1
            base = starts[base + half] <= key ? base + half : base
            count -= half
        }
        return starts[base] <= key ? base : nil
    }
}
