extension IPPrefixSet {
    /// Every address of the 128-bit space: IPv4 (mapped) and IPv6.
    public static let everything = IPPrefixSet(ranges: [IPAddress.zero...IPAddress.max])

    /// Every IPv4 address (the IPv4-mapped block).
    public static let ipv4 = IPPrefixSet(ranges: [IPAddress(ipv4: 0)...IPAddress(ipv4: .max)])

    /// Every IPv6 address outside the IPv4-mapped block.
    public static let ipv6 = ipv4.complement

    /// The addresses in either set.
    public func union(_ other: IPPrefixSet) -> IPPrefixSet {
        IPPrefixSet(ranges: ranges + other.ranges)
    }

    /// The addresses in both sets.
    public func intersection(_ other: IPPrefixSet) -> IPPrefixSet {
        var result: [ClosedRange<IPAddress>] = []
        var left = 0
        var right = 0
        while left < ranges.count, right < other.ranges.count {
            let first = ranges[left]
            let second = other.ranges[right]
            let lower = max(first.lowerBound, second.lowerBound)
            let upper = min(first.upperBound, second.upperBound)
            if lower <= upper { result.append(lower...upper) }
            if first.upperBound < second.upperBound { left += 1 } else { right += 1 }
        }
        return IPPrefixSet(ranges: result)
    }

    /// The addresses of the 128-bit space not in the set.
    public var complement: IPPrefixSet {
        var result: [ClosedRange<IPAddress>] = []
        var next: IPAddress? = .zero
        for range in ranges {
            if let start = next, start < range.lowerBound, let end = range.lowerBound.predecessor {
                result.append(start...end)
            }
            next = range.upperBound.successor
        }
        if let start = next { result.append(start...IPAddress.max) }
        return IPPrefixSet(ranges: result)
    }

    /// The addresses of the set that are not in `other`.
    public func subtracting(_ other: IPPrefixSet) -> IPPrefixSet {
        intersection(other.complement)
    }

    /// True when every address of `other` is in the set.
    public func isSuperset(of other: IPPrefixSet) -> Bool {
        other.subtracting(self).isEmpty
    }

    /// How many addresses the set holds: exact up to 2^53, close beyond (IPv6 blocks).
    public var addressCount: Double {
        ranges.reduce(0) { total, range in
            let (low, borrow) = range.upperBound.low.subtractingReportingOverflow(range.lowerBound.low)
            let high = range.upperBound.high &- range.lowerBound.high &- (borrow ? 1 : 0)
            return total + Double(high) * 18_446_744_073_709_551_616 + Double(low) + 1
        }
    }

    /// True when the sets share at least one address.
    public func overlaps(_ other: IPPrefixSet) -> Bool {
        var left = 0
        var right = 0
        while left < ranges.count, right < other.ranges.count {
            if ranges[left].overlaps(other.ranges[right]) { return true }
            if ranges[left].upperBound < other.ranges[right].upperBound { left += 1 } else { right += 1 }
        }
        return false
    }
}
