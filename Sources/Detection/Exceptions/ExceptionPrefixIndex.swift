/// Maps an address to the lowest item number among exception items whose prefixes contain it:
/// one binary search instead of a scan over every item.
struct ExceptionPrefixIndex: Sendable {
    private var ranges = AddressRanges()
    private var itemNumbers: [Int] = []

    /// An index over `(prefix, item number)` pairs; a prefix may repeat across items.
    init(_ entries: [(prefix: IPPrefix, item: Int)]) {
        var lowestItem: [IPPrefix: Int] = [:]
        for entry in entries { lowestItem[entry.prefix] = min(lowestItem[entry.prefix] ?? .max, entry.item) }
        let segments = PrefixSweep.segments(of: lowestItem.map { ($0.key, $0.value) })
        for segment in segments {
            let item = segment.values.min()!
            if let lastItem = itemNumbers.last, lastItem == item,
               ranges.ends[ranges.count - 1].successor == segment.range.lowerBound {
                ranges.extendLast(to: segment.range.upperBound)
            } else {
                ranges.append(segment.range)
                itemNumbers.append(item)
            }
        }
    }

    var isEmpty: Bool { itemNumbers.isEmpty }

    /// The lowest item number whose prefixes contain `address`, or nil.
    @inline(__always)
    func lowestItem(containing address: IPAddress) -> Int? {
        ranges.index(containing: address).map { itemNumbers[$0] }
    }
}
