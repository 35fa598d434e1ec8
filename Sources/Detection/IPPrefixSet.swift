/// A set of IP addresses given as CIDR prefixes, held as merged, sorted, disjoint ranges over the
/// 128-bit space (IPv4 lives in the IPv4-mapped block), so `contains` is one binary search however
/// many prefixes went in.
public struct IPPrefixSet: Sendable, Hashable {
    private let storage: AddressRanges

    /// The union of `prefixes` (overlapping and adjacent blocks are merged).
    public init(_ prefixes: [IPPrefix]) {
        self.init(ranges: prefixes.map { $0.network...$0.last })
    }

    /// The union of closed address ranges.
    init(ranges: [ClosedRange<IPAddress>]) {
        var storage = AddressRanges()
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if storage.count > 0, storage.ends[storage.count - 1].successor.map({ range.lowerBound <= $0 }) ?? true {
                if storage.ends[storage.count - 1] < range.upperBound { storage.extendLast(to: range.upperBound) }
            } else {
                storage.append(range)
            }
        }
        self.storage = storage
    }

    /// The empty set.
    public static let empty = IPPrefixSet([])

    /// True when no address is in the set.
    public var isEmpty: Bool { storage.count == 0 }

    /// The merged ranges, ascending.
    public var ranges: [ClosedRange<IPAddress>] {
        (0..<storage.count).map { storage[$0] }
    }

    /// True when `address` lies in one of the prefixes.
    @inline(__always)
    public func contains(_ address: IPAddress) -> Bool {
        storage.index(containing: address) != nil
    }

    /// True when every address of `prefix` is in the set.
    public func covers(_ prefix: IPPrefix) -> Bool {
        guard let index = storage.index(containing: prefix.network) else { return false }
        return prefix.last <= storage.ends[index]
    }

    /// True when at least one address of `prefix` is in the set.
    public func intersects(_ prefix: IPPrefix) -> Bool {
        if contains(prefix.network) { return true }
        let next = storage.firstIndex(startingAbove: prefix.network)
        return next < storage.count && storage.starts[next] <= prefix.last
    }
}

extension IPPrefixSet: CustomStringConvertible {
    /// The merged ranges as `first-last`.
    public var description: String {
        "[" + ranges.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ", ") + "]"
    }
}
