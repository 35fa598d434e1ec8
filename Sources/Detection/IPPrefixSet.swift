/// A set of IP addresses given as CIDR prefixes, held as merged, sorted, disjoint ranges over the
/// 128-bit space (IPv4 lives in the IPv4-mapped block), so `contains` is one binary search however
/// many prefixes went in.
public struct IPPrefixSet: Sendable, Hashable {
    /// The merged ranges, ascending.
    public let ranges: [ClosedRange<IPAddress>]
    /// The same ranges, for lookup.
    let lookup: AddressRangeMap

    /// The union of `prefixes` (overlapping and adjacent blocks are merged).
    public init(_ prefixes: [IPPrefix]) {
        self.init(ranges: prefixes.map { $0.network...$0.last })
    }

    /// The union of closed address ranges.
    init(ranges: [ClosedRange<IPAddress>]) {
        var merged: [ClosedRange<IPAddress>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, last.upperBound.successor.map({ range.lowerBound <= $0 }) ?? true {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        self.ranges = merged
        lookup = AddressRangeMap(merged.map { ($0, 0) })
    }

    /// The empty set.
    public static let empty = IPPrefixSet([])

    /// True when no address is in the set.
    public var isEmpty: Bool { ranges.isEmpty }

    /// True when `address` lies in one of the prefixes.
    @inline(__always)
    public func contains(_ address: IPAddress) -> Bool {
        lookup.value(at: address) != nil
    }

    /// True when every address of `prefix` is in the set.
    public func covers(_ prefix: IPPrefix) -> Bool {
        ranges.contains { $0.contains(prefix.network) && $0.contains(prefix.last) }
    }

    /// True when at least one address of `prefix` is in the set.
    public func intersects(_ prefix: IPPrefix) -> Bool {
        ranges.contains { $0.overlaps(prefix.network...prefix.last) }
    }

    public static func == (lhs: IPPrefixSet, rhs: IPPrefixSet) -> Bool { lhs.ranges == rhs.ranges }

    public func hash(into hasher: inout Hasher) { hasher.combine(ranges) }
}

extension IPPrefixSet: CustomStringConvertible {
    /// The merged ranges as `first-last`.
    public var description: String {
        "[" + ranges.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ", ") + "]"
    }
}
