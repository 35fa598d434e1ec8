/// A growing union of address ranges, kept sorted and disjoint with its size, so that adding a
/// few addresses to a large union, or asking which addresses it lacks, costs a binary search
/// rather than a rebuild (an import judges thousands of items one after another).
struct AddressRangeUnion: Hashable, Sendable {
    private(set) var ranges: [ClosedRange<IPAddress>] = []
    /// How many addresses the union holds.
    private(set) var addressCount: Double = 0

    /// The addresses of `set` outside the union.
    func uncovered(_ set: IPPrefixSet) -> IPPrefixSet {
        var result: [ClosedRange<IPAddress>] = []
        for range in set.ranges {
            var index = firstIndex(reaching: range.lowerBound)
            var cursor: IPAddress? = range.lowerBound
            while let start = cursor, index < ranges.count, ranges[index].lowerBound <= range.upperBound {
                if start < ranges[index].lowerBound, let end = ranges[index].lowerBound.predecessor {
                    result.append(start...end)
                }
                cursor = ranges[index].upperBound.successor
                index += 1
            }
            if let start = cursor, start <= range.upperBound { result.append(start...range.upperBound) }
        }
        return IPPrefixSet(ranges: result)
    }

    /// Adds the addresses of `set`.
    mutating func formUnion(_ set: IPPrefixSet) {
        addressCount += uncovered(set).addressCount
        for range in set.ranges {
            // The ranges that overlap or touch `range` merge with it.
            let start = firstIndex(reaching: range.lowerBound.predecessor ?? range.lowerBound)
            var end = start
            while end < ranges.count, ranges[end].lowerBound <= (range.upperBound.successor ?? range.upperBound) {
                end += 1
            }
            let lower = start < end ? min(ranges[start].lowerBound, range.lowerBound) : range.lowerBound
            let upper = start < end ? max(ranges[end - 1].upperBound, range.upperBound) : range.upperBound
            ranges.replaceSubrange(start..<end, with: [lower...upper])
        }
    }

    /// The index of the first range ending at or after `address`.
    private func firstIndex(reaching address: IPAddress) -> Int {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < address { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
