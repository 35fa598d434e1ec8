/// What an exception item silences, projected on the two address fields the rule tests: the
/// sources and the destinations its `source.ip` / `destination.ip` entries allow (all addresses
/// when it has none). Entries on other fields narrow an item in ways no address count measures,
/// so they are not counted: the footprint is never smaller than what the item silences.
struct ExceptionFootprint: Hashable, Sendable {
    var sources: IPPrefixSet
    var destinations: IPPrefixSet
    /// The other fields the item's entries test (not counted), in entry order.
    var uncountedFields: [String]

    init(sources: IPPrefixSet, destinations: IPPrefixSet, uncountedFields: [String] = []) {
        self.sources = sources
        self.destinations = destinations
        self.uncountedFields = uncountedFields
    }

    init(_ item: ExceptionItem) {
        self.init(sources: .everything, destinations: .everything)
        for entry in item.entries {
            let field = entry.ecsField
            guard field == .sourceIP || field == .destinationIP, let allowed = Self.addresses(of: entry) else {
                if !uncountedFields.contains(entry.field) { uncountedFields.append(entry.field) }
                continue
            }
            if field == .sourceIP {
                sources = sources.intersection(allowed)
            } else {
                destinations = destinations.intersection(allowed)
            }
        }
    }

    /// The addresses an `ip` entry lets through, or nil when a value is not an address or CIDR.
    private static func addresses(of entry: ExceptionEntry) -> IPPrefixSet? {
        var prefixes: [IPPrefix] = []
        for value in entry.values {
            guard let prefix = try? IPPrefix(parsing: value) else { return nil }
            prefixes.append(prefix)
        }
        let listed = IPPrefixSet(prefixes)
        return entry.operator == .included ? listed : listed.complement
    }
}
