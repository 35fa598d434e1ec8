/// Disjoint closed address ranges sorted ascending, with binary-search lookup: the storage behind
/// `IPPrefixSet` and the exception indexes.
struct AddressRanges: Sendable, Hashable {
    /// First address of each range, ascending.
    private(set) var starts: [IPAddress] = []
    /// Last address of each range; `ends[i]` belongs to `starts[i]`.
    private(set) var ends: [IPAddress] = []

    init() {}

    var count: Int { starts.count }

    /// Appends a range that starts above every range held so far.
    mutating func append(_ range: ClosedRange<IPAddress>) {
        precondition(ends.last.map { $0 < range.lowerBound } ?? true, "ranges must be appended in order")
        starts.append(range.lowerBound)
        ends.append(range.upperBound)
    }

    /// Widens the last range to end at `end`.
    mutating func extendLast(to end: IPAddress) {
        ends[ends.count - 1] = end
    }

    subscript(index: Int) -> ClosedRange<IPAddress> { starts[index]...ends[index] }

    /// The index of the range holding `address`, or nil.
    @inline(__always)
    func index(containing address: IPAddress) -> Int? {
        let candidate = firstIndex(startingAbove: address) - 1
        guard candidate >= 0, address <= ends[candidate] else { return nil }
        return candidate
    }

    /// The index of the first range starting above `address` (`count` when none does).
    @inline(__always)
    func firstIndex(startingAbove address: IPAddress) -> Int {
        starts.withUnsafeBufferPointer { starts in
            var low = 0
            var high = starts.count
            while low < high {
                let middle = (low + high) >> 1
                if address < starts[middle] { high = middle } else { low = middle + 1 }
            }
            return low
        }
    }
}
