/// Splits the addresses covered by distinct CIDR prefixes into disjoint ranges, each listing the
/// values of every prefix that covers it. CIDR blocks nest or are disjoint, so at most 129
/// prefixes cover any address and the sweep stays linear in practice.
enum PrefixSweep {
    static func segments<Value>(of entries: [(prefix: IPPrefix, value: Value)])
        -> [(range: ClosedRange<IPAddress>, values: [Value])]
    {
        let sorted = entries.sorted { $0.prefix.network < $1.prefix.network }
        let boundaries = Set(sorted.map(\.prefix.network) + sorted.compactMap(\.prefix.last.successor)).sorted()
        var active: [(last: IPAddress, value: Value)] = []
        var nextEntry = 0
        var segments: [(range: ClosedRange<IPAddress>, values: [Value])] = []
        for (position, boundary) in boundaries.enumerated() {
            active.removeAll { $0.last < boundary }
            while nextEntry < sorted.count, sorted[nextEntry].prefix.network == boundary {
                active.append((sorted[nextEntry].prefix.last, sorted[nextEntry].value))
                nextEntry += 1
            }
            guard !active.isEmpty else { continue }
            let end = position + 1 < boundaries.count ? boundaries[position + 1].predecessor! : IPAddress.max
            segments.append((boundary...end, active.map(\.value)))
        }
        return segments
    }
}
