/// One or more tables ("slices") of disjoint address ranges in ascending order, each range
/// carrying a value, with binary-search lookup. IPv4 ranges are also kept as 32-bit bounds, so the
/// common IPv4 lookup compares small integers in a compact array; other addresses search the
/// 128-bit ranges. All slices share the same flat arrays, so a lookup never copies a table.
struct AddressRangeMap: Sendable {
    typealias Entry = (range: ClosedRange<IPAddress>, value: Int32)

    private var ipv4Starts: [UInt32] = []
    private var ipv4Ends: [UInt32] = []
    private var ipv4Values: [Int32] = []
    /// Slice `s` holds the IPv4 ranges `ipv4SliceStarts[s]..<ipv4SliceStarts[s + 1]`.
    private var ipv4SliceStarts: [Int] = [0]
    private var ipv6Starts: [IPAddress] = []
    private var ipv6Ends: [IPAddress] = []
    private var ipv6Values: [Int32] = []
    private var ipv6SliceStarts: [Int] = [0]

    private static let ipv4Block = IPAddress(ipv4: 0)...IPAddress(ipv4: .max)

    /// A map with one slice of `entries`, which must be sorted and disjoint.
    init(_ entries: [Entry]) {
        self.init(slices: [entries])
    }

    /// A map with one slice per element; each must be sorted and disjoint. Adjacent ranges with
    /// equal values merge.
    init(slices: [[Entry]]) {
        for entries in slices {
            var merged: [Entry] = []
            for entry in entries {
                if let last = merged.last, last.value == entry.value,
                   last.range.upperBound.successor == entry.range.lowerBound {
                    merged[merged.count - 1].range = last.range.lowerBound...entry.range.upperBound
                } else {
                    precondition(merged.last.map { $0.range.upperBound < entry.range.lowerBound } ?? true,
                                 "ranges must be sorted and disjoint")
                    merged.append(entry)
                }
            }
            merged.forEach { append($0.range, value: $0.value) }
            ipv4SliceStarts.append(ipv4Starts.count)
            ipv6SliceStarts.append(ipv6Starts.count)
        }
    }

    private mutating func append(_ range: ClosedRange<IPAddress>, value: Int32) {
        let block = Self.ipv4Block
        if range.overlaps(block) {
            let clipped = max(range.lowerBound, block.lowerBound)...min(range.upperBound, block.upperBound)
            ipv4Starts.append(UInt32(truncatingIfNeeded: clipped.lowerBound.low))
            ipv4Ends.append(UInt32(truncatingIfNeeded: clipped.upperBound.low))
            ipv4Values.append(value)
        }
        if !(block.contains(range.lowerBound) && block.contains(range.upperBound)) {
            ipv6Starts.append(range.lowerBound)
            ipv6Ends.append(range.upperBound)
            ipv6Values.append(value)
        }
    }

    var isEmpty: Bool { ipv4Values.isEmpty && ipv6Values.isEmpty }

    /// The value of the range of slice `slice` that holds `address`, or nil.
    @inline(__always)
    func value(at address: IPAddress, slice: Int = 0) -> Int32? {
        if let ipv4 = address.ipv4Value {
            return Self.lookUp(ipv4, ipv4Starts, ipv4Ends, ipv4Values, ipv4SliceStarts[slice]..<ipv4SliceStarts[slice + 1])
        }
        return Self.lookUp(address, ipv6Starts, ipv6Ends, ipv6Values, ipv6SliceStarts[slice]..<ipv6SliceStarts[slice + 1])
    }

    @inline(__always)
    private static func lookUp<Bound: Comparable>(_ key: Bound, _ starts: [Bound], _ ends: [Bound], _ values: [Int32],
                                                  _ slice: Range<Int>) -> Int32? {
        starts.withUnsafeBufferPointer { starts in
            guard let offset = SortedSearch.lastIndex(atOrBelow: key, in: UnsafeBufferPointer(rebasing: starts[slice])),
                  key <= ends[slice.lowerBound + offset]
            else { return nil }
            return values[slice.lowerBound + offset]
        }
    }
}
