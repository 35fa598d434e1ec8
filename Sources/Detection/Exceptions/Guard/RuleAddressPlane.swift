/// The addresses the rule alerts on, per address family: the sources its `source.ip` clause
/// qualifies (in blocks, e.g. 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) and the destinations its
/// `not destination.ip` clause leaves. Flows do not mix families, so each is judged on its own.
struct RuleAddressPlane: Sendable {
    struct Family: Hashable, Sendable {
        /// `IPv4` or `IPv6`.
        let name: String
        /// Every address of the family.
        let universe: IPPrefixSet
        /// The qualifying sources of this family (empty: no source of it ever alerts).
        let sources: IPPrefixSet
        /// The qualifying sources as separate blocks, each judged on its own share.
        let sourceBlocks: [IPPrefixSet]
        /// The destinations the rule alerts on.
        let destinations: IPPrefixSet
        /// Their sizes, worked out once.
        let sourceCount: Double
        let sourceBlockSizes: [Double]
        let destinationCount: Double
        /// The most sources (all blocks together) and destinations exceptions may silence.
        let sourceLimit: AddressLimit
        let destinationLimit: AddressLimit
    }

    let families: [Family]

    init(_ rule: CompiledRule) {
        let sources = rule.qualifyingSources ?? .everything
        let destinations = rule.excludedDestinations.complement
        func family(_ name: String, _ universe: IPPrefixSet, bits: Int, sourceLimits: (item: Int, total: Int),
                    destinationLimits: (item: Int, total: Int)) -> Family {
            let familySources = sources.intersection(universe)
            let blocks = familySources.ranges.map { IPPrefixSet(ranges: [$0]) }
            let familyDestinations = destinations.intersection(universe)
            return Family(name: name, universe: universe, sources: familySources, sourceBlocks: blocks,
                          destinations: familyDestinations, sourceCount: familySources.addressCount,
                          sourceBlockSizes: blocks.map(\.addressCount), destinationCount: familyDestinations.addressCount,
                          sourceLimit: AddressLimit(familyBits: bits, itemPrefix: sourceLimits.item,
                                                    totalPrefix: sourceLimits.total),
                          destinationLimit: AddressLimit(familyBits: bits, itemPrefix: destinationLimits.item,
                                                         totalPrefix: destinationLimits.total))
        }
        families = [
            family("IPv4", .ipv4, bits: 32, sourceLimits: ExceptionGuard.Limits.ipv4Sources,
                   destinationLimits: ExceptionGuard.Limits.ipv4Destinations),
            family("IPv6", .ipv6, bits: 128, sourceLimits: ExceptionGuard.Limits.ipv6Sources,
                   destinationLimits: ExceptionGuard.Limits.ipv6Destinations),
        ]
    }
}
