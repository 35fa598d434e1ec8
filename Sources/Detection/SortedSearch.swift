/// Binary search over a sorted buffer (range starts, port lists), written so the loop compiles
/// to conditional moves rather than unpredictable branches.
public enum SortedSearch {
    /// The index of the last element of sorted `starts` that is not above `key`, or nil when
    /// every element is above it.
    @inline(__always)
    public static func lastIndex<Element: Comparable>(atOrBelow key: Element, in starts: UnsafeBufferPointer<Element>) -> Int? {
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
