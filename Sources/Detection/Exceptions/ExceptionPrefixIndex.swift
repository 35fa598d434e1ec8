/// Maps an address to the lowest item number among exception items whose prefixes contain it:
/// one binary search instead of a scan over every item.
struct ExceptionPrefixIndex: Sendable {
    private let lowestItems: AddressRangeMap

    /// An index over `(prefix, item number)` pairs; a prefix may repeat across items.
    init(_ entries: [(prefix: IPPrefix, item: Int)]) {
        var lowestItem: [IPPrefix: Int] = [:]
        for entry in entries { lowestItem[entry.prefix] = min(lowestItem[entry.prefix] ?? .max, entry.item) }
        lowestItems = AddressRangeMap(Self.lowestItemSegments(lowestItem))
    }

    /// Disjoint ranges valued by the lowest item number among the prefixes covering each.
    static func lowestItemSegments(_ lowestItem: [IPPrefix: Int]) -> [AddressRangeMap.Entry] {
        PrefixSweep.segments(of: lowestItem.map { ($0.key, $0.value) }).map { ($0.range, Int32($0.values.min()!)) }
    }

    var isEmpty: Bool { lowestItems.isEmpty }

    /// The lowest item number whose prefixes contain `address`, or nil.
    @inline(__always)
    func lowestItem(containing address: IPAddress) -> Int? {
        lowestItems.value(at: address).map(Int.init)
    }
}
