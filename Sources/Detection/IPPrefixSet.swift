/// A set of IP addresses given as CIDR prefixes, held as merged, sorted, disjoint ranges over the
/// 128-bit space (IPv4 lives in the IPv4-mapped block), so `contains` is one binary search however
/// many prefixes went in.
public struct IPPrefixSet: Sendable, Hashable {
    /// First address of each range, ascending.
    private let starts: [IPAddress]
    /// Last address of each range; `ends[i]` belongs to `starts[i]`.
    private let ends: [IPAddress]

    /// The union of `prefixes` (overlapping and adjacent blocks are merged).
    public init(_ prefixes: [IPPrefix]) {
        self.init(ranges: prefixes.map { $0.network...$0.last })
    }

    /// The union of closed address ranges.
    init(ranges: [ClosedRange<IPAddress>]) {
        var starts: [IPAddress] = []
        var ends: [IPAddress] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let lastEnd = ends.last, lastEnd.successor.map({ range.lowerBound <= $0 }) ?? true {
                if lastEnd < range.upperBound { ends[ends.count - 1] = range.upperBound }
            } else {
                starts.append(range.lowerBound)
                ends.append(range.upperBound)
            }
        }
        self.starts = starts
        self.ends = ends
    }

    /// The empty set.
    public static let empty = IPPrefixSet([])

    /// True when no address is in the set.
    public var isEmpty: Bool { starts.isEmpty }

    /// The merged ranges, ascending.
    public var ranges: [ClosedRange<IPAddress>] {
        zip(starts, ends).map { $0...$1 }
    }

    /// True when `address` lies in one of the prefixes.
    public func contains(_ address: IPAddress) -> Bool {
        rangeIndex(containing: address) != nil
    }

    /// True when every address of `prefix` is in the set.
    public func covers(_ prefix: IPPrefix) -> Bool {
        guard let index = rangeIndex(containing: prefix.network) else { return false }
        return prefix.last <= ends[index]
    }

    /// True when at least one address of `prefix` is in the set.
    public func intersects(_ prefix: IPPrefix) -> Bool {
        if contains(prefix.network) { return true }
        let next = firstRangeIndex(after: prefix.network)
        return next < starts.count && starts[next] <= prefix.last
    }

    /// The index of the range holding `address`, or nil.
    private func rangeIndex(containing address: IPAddress) -> Int? {
        let candidate = firstRangeIndex(after: address) - 1
        guard candidate >= 0, address <= ends[candidate] else { return nil }
        return candidate
    }

    /// The index of the first range starting above `address` (`starts.count` when none does).
    private func firstRangeIndex(after address: IPAddress) -> Int {
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

extension IPPrefixSet: CustomStringConvertible {
    /// The merged ranges as `first-last`.
    public var description: String {
        "[" + ranges.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ", ") + "]"
    }
}
