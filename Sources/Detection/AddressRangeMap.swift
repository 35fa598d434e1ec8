/// One or more tables ("slices") of disjoint address ranges in ascending order, each range
/// carrying a value, with binary-search lookup. IPv4 ranges are also kept as 32-bit bounds, so the
/// common IPv4 lookup compares small integers in a compact array; other addresses search the
/// 128-bit ranges. A large IPv4 slice also gets a bucket table over the span its ranges start in,
/// which narrows the search to the few ranges starting in the address's bucket. All slices share
/// the same flat arrays, so a lookup never copies a table.
struct AddressRangeMap: Sendable {
    typealias Entry = (range: ClosedRange<IPAddress>, value: Int32)

    private var ipv4Starts: [UInt32] = []
    private var ipv4Ends: [UInt32] = []
    private var ipv4Values: [Int32] = []
    /// Slice `s` holds the IPv4 ranges `ipv4SliceStarts[s]..<ipv4SliceStarts[s + 1]`.
    private var ipv4SliceStarts: [Int] = [0]
    /// Slice `s` has the buckets `ipv4BucketFirsts[ipv4BucketTableStarts[s]..<ipv4BucketTableStarts[s + 1]]`
    /// (none for small slices): bucket `b` covers the addresses from `base + b << shift`, and its
    /// entry is the slice-relative index of the first range starting there; a final entry holds the
    /// slice's range count.
    private var ipv4BucketTableStarts: [Int] = [0]
    private var ipv4BucketFirsts: [Int32] = []
    private var ipv4BucketBases: [UInt32] = []
    private var ipv4BucketShifts: [UInt32] = []
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
            appendBuckets(forIPv4RangesFrom: ipv4SliceStarts.last!)
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

    /// Slices with fewer IPv4 ranges are searched without buckets.
    private static let minimumBucketedRanges = 32

    /// Builds the bucket table of the slice whose IPv4 ranges start at `sliceStart`: about one
    /// bucket per range, over the span from the first range start to the last.
    private mutating func appendBuckets(forIPv4RangesFrom sliceStart: Int) {
        let starts = ipv4Starts[sliceStart...]
        guard starts.count >= Self.minimumBucketedRanges, let base = starts.first, let last = starts.last else {
            ipv4BucketBases.append(0)
            ipv4BucketShifts.append(0)
            ipv4BucketTableStarts.append(ipv4BucketFirsts.count)
            return
        }
        var shift: UInt32 = 0
        while UInt64(last - base) >> shift >= UInt64(starts.count) { shift += 1 }
        let bucketCount = Int(UInt64(last - base) >> shift) + 1
        var next = 0
        for bucket in 0..<bucketCount {
            let bucketStart = UInt64(base) + UInt64(bucket) << shift
            while next < starts.count, UInt64(ipv4Starts[sliceStart + next]) < bucketStart { next += 1 }
            ipv4BucketFirsts.append(Int32(next))
        }
        ipv4BucketFirsts.append(Int32(starts.count))
        ipv4BucketBases.append(base)
        ipv4BucketShifts.append(shift)
        ipv4BucketTableStarts.append(ipv4BucketFirsts.count)
    }

    var isEmpty: Bool { ipv4Values.isEmpty && ipv6Values.isEmpty }

    /// The value of the range of slice `slice` that holds `address`, or nil.
    @inline(__always)
    func value(at address: IPAddress, slice: Int = 0) -> Int32? {
        if let ipv4 = address.ipv4Value {
            guard let window = ipv4Window(ipv4, slice: slice) else { return nil }
            return Self.lookUp(ipv4, ipv4Starts, ipv4Ends, ipv4Values, window)
        }
        return Self.lookUp(address, ipv6Starts, ipv6Ends, ipv6Values, ipv6SliceStarts[slice]..<ipv6SliceStarts[slice + 1])
    }

    /// The IPv4 ranges of `slice` that can hold `address`: the whole slice, or with buckets the
    /// ranges starting in the address's bucket plus the last one before it. Nil when the address
    /// lies below every range.
    @inline(__always)
    private func ipv4Window(_ address: UInt32, slice: Int) -> Range<Int>? {
        let sliceStart = ipv4SliceStarts[slice]
        let tableStart = ipv4BucketTableStarts[slice]
        let tableEnd = ipv4BucketTableStarts[slice + 1]
        guard tableEnd > tableStart else { return sliceStart..<ipv4SliceStarts[slice + 1] }
        let base = ipv4BucketBases[slice]
        guard address >= base else { return nil }
        let bucket = min(Int((address - base) >> ipv4BucketShifts[slice]), tableEnd - tableStart - 2)
        let first = Int(ipv4BucketFirsts[tableStart + bucket])
        let next = Int(ipv4BucketFirsts[tableStart + bucket + 1])
        return (sliceStart + max(first - 1, 0))..<(sliceStart + next)
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
