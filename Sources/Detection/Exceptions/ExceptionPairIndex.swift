/// Indexes source → destination exception items: a binary search over source ranges finds the
/// groups of items whose source prefix covers the address, and each group's destination table
/// gives the lowest matching item number.
struct ExceptionPairIndex: Sendable {
    /// Disjoint source ranges, each mapped to its segment number; segment `s` is covered by the
    /// groups `coveringGroups[segmentStarts[s]..<segmentStarts[s + 1]]`.
    private let sourceRanges: AddressRangeMap
    private let segmentStarts: [Int]
    private let coveringGroups: [Int]
    /// One slice per distinct source prefix (a group): its destinations, valued by lowest item.
    private let destinations: AddressRangeMap

    /// An index over items that each pair source prefixes with destination prefixes.
    init(_ items: [(sources: [IPPrefix], destinations: [IPPrefix], item: Int)]) {
        var destinationsBySource: [IPPrefix: [IPPrefix: Int]] = [:]
        for entry in items {
            for source in entry.sources {
                for destination in entry.destinations {
                    destinationsBySource[source, default: [:]][destination] =
                        min(destinationsBySource[source]?[destination] ?? .max, entry.item)
                }
            }
        }
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

    var isEmpty: Bool { coveringGroups.isEmpty }

    /// The lowest item number pairing `source` with `destination`, or nil.
    @inline(__always)
    func lowestItem(source: IPAddress, destination: IPAddress) -> Int? {
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
