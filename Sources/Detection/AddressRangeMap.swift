/// One or more tables ("slices") of disjoint address ranges in ascending order, each range
/// carrying a value, with binary-search lookup. IPv4 ranges are also kept as 32-bit bounds, so the
/// common IPv4 lookup compares small integers in a compact array; other addresses search the
/// 128-bit ranges. A large IPv4 slice also gets a bucket table over the span its ranges start in,
/// which narrows the search to the few ranges starting in the address's bucket. All slices share
/// the same flat arrays, so a lookup never copies a table.
struct AddressRangeMap: Sendable {
    typealias Entry = (range: ClosedRange<IPAddress>, value: Int32)

    /// Where one slice's IPv4 ranges and buckets are. Bucket `b` covers the addresses from
    /// `base + b << shift`; its entry in `ipv4BucketFirsts` is the slice-relative index of the
    /// first range starting there, and a final entry holds the slice's range count.
    private struct IPv4Slice {
        var ranges: Range<Int>
        /// Empty for small slices, which are searched whole.
        var buckets: Range<Int>
        var base: UInt32
        var shift: UInt32
    }

    private var ipv4Starts: [UInt32] = []
    /// The last address and the value of each IPv4 range, beside `ipv4Starts`.
    private var ipv4EndsAndValues: [(end: UInt32, value: Int32)] = []
    private var ipv4BucketFirsts: [Int32] = []
    private var ipv4Slices: [IPv4Slice] = []
    private var ipv6Starts: [IPAddress] = []
    private var ipv6EndsAndValues: [(end: IPAddress, value: Int32)] = []
    private var ipv6Slices: [Range<Int>] = []

    private static let ipv4Block = IPAddress(ipv4: 0)...IPAddress(ipv4: .max)
    /// Slices with fewer IPv4 ranges are searched without buckets.
    private static let minimumBucketedRanges = 32

    /// A map with one slice of `entries`, which must be sorted and disjoint.
    init(_ entries: [Entry]) {
        self.init(slices: [entries])
    }

    /// A map with one slice per element; each must be sorted and disjoint. Adjacent ranges with
    /// equal values merge.
    init(slices: [[Entry]]) {
        for entries in slices {
            let ipv4Start = ipv4Starts.count
            let ipv6Start = ipv6Starts.count
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
            ipv4Slices.append(bucketedSlice(ipv4Start..<ipv4Starts.count))
            ipv6Slices.append(ipv6Start..<ipv6Starts.count)
        }
    }

    private mutating func append(_ range: ClosedRange<IPAddress>, value: Int32) {
        let block = Self.ipv4Block
        if range.overlaps(block) {
            let clipped = max(range.lowerBound, block.lowerBound)...min(range.upperBound, block.upperBound)
            ipv4Starts.append(UInt32(truncatingIfNeeded: clipped.lowerBound.low))
            ipv4EndsAndValues.append((UInt32(truncatingIfNeeded: clipped.upperBound.low), value))
        }
        if !(block.contains(range.lowerBound) && block.contains(range.upperBound)) {
            ipv6Starts.append(range.lowerBound)
            ipv6EndsAndValues.append((range.upperBound, value))
        }
    }

    /// The slice of the IPv4 ranges `ranges`, with a bucket table when it is large: about one
    /// bucket per range, over the span from the first range start to the last.
    private mutating func bucketedSlice(_ ranges: Range<Int>) -> IPv4Slice {
        guard ranges.count >= Self.minimumBucketedRanges else {
            return IPv4Slice(ranges: ranges, buckets: 0..<0, base: 0, shift: 0)
        }
        let base = ipv4Starts[ranges.lowerBound]
        let span = UInt64(ipv4Starts[ranges.upperBound - 1] - base)
        var shift: UInt32 = 0
        while span >> shift >= UInt64(ranges.count) { shift += 1 }
        let bucketsStart = ipv4BucketFirsts.count
        var next = 0
        for bucket in 0..<(Int(span >> shift) + 1) {
            let bucketStart = UInt64(base) + UInt64(bucket) << shift
            while next < ranges.count, UInt64(ipv4Starts[ranges.lowerBound + next]) < bucketStart { next += 1 }
            ipv4BucketFirsts.append(Int32(next))
        }
        ipv4BucketFirsts.append(Int32(ranges.count))
        return IPv4Slice(ranges: ranges, buckets: bucketsStart..<ipv4BucketFirsts.count, base: base, shift: shift)
    }

    var isEmpty: Bool { ipv4Starts.isEmpty && ipv6Starts.isEmpty }

    /// The value of the range of slice `slice` that holds `address`, or nil.
    @inline(__always)
    func value(at address: IPAddress, slice: Int = 0) -> Int32? {
        if let ipv4 = address.ipv4Value {
            guard let window = ipv4Window(ipv4, ipv4Slices[slice]) else { return nil }
            return Self.lookUp(ipv4, ipv4Starts, ipv4EndsAndValues, window)
        }
        return Self.lookUp(address, ipv6Starts, ipv6EndsAndValues, ipv6Slices[slice])
    }

    /// The IPv4 ranges of `slice` that can hold `address`: the whole slice, or with buckets the
    /// ranges starting in the address's bucket plus the last one before it. Nil when the address
    /// lies below every range.
    @inline(__always)
    private func ipv4Window(_ address: UInt32, _ slice: IPv4Slice) -> Range<Int>? {
        guard !slice.buckets.isEmpty else { return slice.ranges }
        guard address >= slice.base else { return nil }
        let bucket = slice.buckets.lowerBound + min(Int((address - slice.base) >> slice.shift), slice.buckets.count - 2)
        let first = Int(ipv4BucketFirsts[bucket])
        let next = Int(ipv4BucketFirsts[bucket + 1])
        return (slice.ranges.lowerBound + max(first - 1, 0))..<(slice.ranges.lowerBound + next)
    }

    @inline(__always)
    private static func lookUp<Bound: Comparable>(_ key: Bound, _ starts: [Bound], _ tails: [(end: Bound, value: Int32)],
                                                  _ window: Range<Int>) -> Int32? {
        starts.withUnsafeBufferPointer { starts in
            guard let offset = SortedSearch.lastIndex(atOrBelow: key, in: UnsafeBufferPointer(rebasing: starts[window]))
            else { return nil }
            let tail = tails[window.lowerBound + offset]
            return key <= tail.end ? tail.value : nil
        }
    }
}
