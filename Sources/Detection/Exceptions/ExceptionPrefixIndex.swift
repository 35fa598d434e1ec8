/// Maps an address to the lowest item number among exception items whose prefixes contain it:
/// one binary search instead of a scan over every item, or one hash probe for the items on
/// single IPv4 addresses.
struct ExceptionPrefixIndex: Sendable {
    private let lowestItems: AddressRangeMap
    private let singleAddresses: SingleAddressIndex

    /// An index over `(prefix, item number)` pairs; a prefix may repeat across items.
    init(_ entries: [(prefix: IPPrefix, item: Int)]) {
        var lowestItem: [IPPrefix: Int] = [:]
        var singles: [(key: UInt64, item: Int)] = []
        for entry in entries {
            if let address = entry.prefix.singleIPv4Address {
                singles.append((SingleAddressIndex.key(address), entry.item))
            } else {
                lowestItem[entry.prefix] = min(lowestItem[entry.prefix] ?? .max, entry.item)
            }
        }
        lowestItems = AddressRangeMap(Self.lowestItemSegments(lowestItem))
        singleAddresses = SingleAddressIndex(singles)
    }

    /// Disjoint ranges valued by the lowest item number among the prefixes covering each.
    static func lowestItemSegments(_ lowestItem: [IPPrefix: Int]) -> [AddressRangeMap.Entry] {
        PrefixSweep.segments(of: lowestItem.map { ($0.key, $0.value) }).map { ($0.range, Int32($0.values.min()!)) }
    }

    var isEmpty: Bool { lowestItems.isEmpty && singleAddresses.isEmpty }

    /// The lowest item number whose prefixes contain `address`, or nil.
    @inline(__always)
    func lowestItem(containing address: IPAddress) -> Int? {
        var lowest = Int.max
        if !lowestItems.isEmpty, let item = lowestItems.value(at: address) { lowest = Int(item) }
        if !singleAddresses.isEmpty, let ipv4 = address.ipv4Value,
           let item = singleAddresses.lowestItem(SingleAddressIndex.key(ipv4)), item < lowest {
            lowest = item
        }
        return lowest == .max ? nil : lowest
    }
}
