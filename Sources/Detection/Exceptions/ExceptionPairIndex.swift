/// Indexes source → destination exception items: a binary search over source ranges finds the
/// groups of items whose source prefix covers the address, and each group's destination table
/// gives the lowest matching item number. Pairs of two single IPv4 addresses are hashed instead
/// (`SingleAddressIndex`): one probe.
struct ExceptionPairIndex: Sendable {
    /// Disjoint source ranges, each mapped to its segment number; segment `s` is covered by the
    /// groups `coveringGroups[segmentStarts[s]..<segmentStarts[s + 1]]`.
    private let sourceRanges: AddressRangeMap
    private let segmentStarts: [Int]
    private let coveringGroups: [Int]
    /// One slice per distinct source prefix (a group): its destinations, valued by lowest item.
    private let destinations: AddressRangeMap
    private let singlePairs: SingleAddressIndex

    /// An index over items that each pair source prefixes with destination prefixes.
    init(_ items: [(sources: [IPPrefix], destinations: [IPPrefix], item: Int)]) {
        var destinationsBySource: [IPPrefix: [IPPrefix: Int]] = [:]
        var singles: [(key: UInt64, item: Int)] = []
        for entry in items {
            for source in entry.sources {
                for destination in entry.destinations {
                    if let sourceAddress = source.singleIPv4Address,
                       let destinationAddress = destination.singleIPv4Address {
                        singles.append((SingleAddressIndex.key(source: sourceAddress, destination: destinationAddress),
                                        entry.item))
                    } else {
                        destinationsBySource[source, default: [:]][destination] =
                            min(destinationsBySource[source]?[destination] ?? .max, entry.item)
                    }
                }
            }
        }
        singlePairs = SingleAddressIndex(singles)
        var groupOfSource: [(prefix: IPPrefix, value: Int)] = []
        var destinationSlices: [[AddressRangeMap.Entry]] = []
        for (source, lowestItems) in destinationsBySource {
            groupOfSource.append((source, destinationSlices.count))
            destinationSlices.append(ExceptionPrefixIndex.lowestItemSegments(lowestItems))
        }
        let segments = PrefixSweep.segments(of: groupOfSource)
        destinations = AddressRangeMap(slices: destinationSlices)
        coveringGroups = segments.flatMap(\.values)
        segmentStarts = segments.reduce(into: [0]) { starts, segment in starts.append(starts.last! + segment.values.count) }
        sourceRanges = AddressRangeMap(segments.enumerated().map { ($0.element.range, Int32($0.offset)) })
    }

    var isEmpty: Bool { coveringGroups.isEmpty && singlePairs.isEmpty }

    /// The lowest item number pairing `source` with `destination`, or nil.
    @inline(__always)
    func lowestItem(source: IPAddress, destination: IPAddress) -> Int? {
        var lowest = Int.max
        if !singlePairs.isEmpty, let sourceAddress = source.ipv4Value, let destinationAddress = destination.ipv4Value,
           let item = singlePairs.lowestItem(SingleAddressIndex.key(source: sourceAddress, destination: destinationAddress)) {
            lowest = item
        }
        if !coveringGroups.isEmpty, let item = lowestRangedItem(source: source, destination: destination), item < lowest {
            lowest = item
        }
        return lowest == .max ? nil : lowest
    }

    /// The lowest item among the pairs of prefixes (not both single addresses).
    private func lowestRangedItem(source: IPAddress, destination: IPAddress) -> Int? {
        guard let segment = sourceRanges.value(at: source) else { return nil }
        var lowest: Int?
        for position in segmentStarts[Int(segment)]..<segmentStarts[Int(segment) + 1] {
            if let item = destinations.value(at: destination, slice: coveringGroups[position]), Int(item) < lowest ?? .max {
                lowest = Int(item)
            }
        }
        return lowest
    }
}
