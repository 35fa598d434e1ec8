/// Indexes source → destination exception items: a binary search over source ranges finds the
/// groups of items whose source prefix covers the address, and each group's destination index
/// gives the lowest matching item number.
struct ExceptionPairIndex: Sendable {
    /// Disjoint source ranges; `groupsBySourceRange[i]` lists the groups covering range `i`.
    private var sourceRanges = AddressRanges()
    private var groupsBySourceRange: [[Int]] = []
    /// One destination index per distinct source prefix.
    private var destinationIndexes: [ExceptionPrefixIndex] = []

    /// An index over items that each pair source prefixes with destination prefixes.
    init(_ items: [(sources: [IPPrefix], destinations: [IPPrefix], item: Int)]) {
        var destinationsBySource: [IPPrefix: [(prefix: IPPrefix, item: Int)]] = [:]
        for entry in items {
            for source in entry.sources {
                destinationsBySource[source, default: []] += entry.destinations.map { ($0, entry.item) }
            }
        }
        var groupOfSource: [(prefix: IPPrefix, value: Int)] = []
        for (source, destinations) in destinationsBySource {
            groupOfSource.append((source, destinationIndexes.count))
            destinationIndexes.append(ExceptionPrefixIndex(destinations))
        }
        for segment in PrefixSweep.segments(of: groupOfSource) {
            sourceRanges.append(segment.range)
            groupsBySourceRange.append(segment.values)
        }
    }

    var isEmpty: Bool { destinationIndexes.isEmpty }

    /// The lowest item number pairing `source` with `destination`, or nil.
    @inline(__always)
    func lowestItem(source: IPAddress, destination: IPAddress) -> Int? {
        guard let range = sourceRanges.index(containing: source) else { return nil }
        var lowest: Int?
        for group in groupsBySourceRange[range] {
            if let item = destinationIndexes[group].lowestItem(containing: destination), item < lowest ?? .max {
                lowest = item
            }
        }
        return lowest
    }
}
