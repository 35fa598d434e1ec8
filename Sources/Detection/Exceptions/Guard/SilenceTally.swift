/// What a set of exception items silences in one address family of the rule, measured on each
/// axis in addresses silenced outright.
///
/// An item is judged along the axis it spans more of: one that covers a larger share of the
/// rule's destinations than of its sources (a source block, a host, a host → wide block) counts
/// on the source axis, weighted by the share of destinations it covers; the other way round on
/// the destination axis; an item covering equal shares counts on both. Items silencing every
/// destination (or every source) form an exact union of addresses, a band; the others count
/// only their addresses outside the band, and are added up, so an overlap between two of them
/// is counted twice, never missed.
struct SilenceTally: Sendable {
    /// What the tally measures.
    struct Measure: Equatable {
        /// Sources silenced per source block of the family, in the blocks' order.
        var sourcesPerBlock: [Double]
        var destinations: Double

        var sources: Double { sourcesPerBlock.reduce(0, +) }
    }

    /// An item silencing `addresses` on its axis for `weight` (a share) of the other axis.
    private struct Partial: Sendable {
        let addresses: IPPrefixSet
        let weight: Double
    }

    /// An item's part in the tally.
    private struct Contribution {
        var sourceBand = IPPrefixSet.empty
        var destinationBand = IPPrefixSet.empty
        var sourcePartial: Partial?
        var destinationPartial: Partial?
    }

    let family: RuleAddressPlane.Family
    /// Sources silenced towards every destination, and destinations from every source.
    private var sourceBand = IPPrefixSet.empty
    private var destinationBand = IPPrefixSet.empty
    private var sourcePartials: [Partial] = []
    private var destinationPartials: [Partial] = []
    /// The partials' weighted addresses outside the bands: per source block, and destinations.
    private var sourcePartialSums: [Double]
    private var destinationPartialSum: Double = 0

    init(_ family: RuleAddressPlane.Family) {
        self.family = family
        sourcePartialSums = Array(repeating: 0, count: family.sourceBlocks.count)
    }

    /// The measure of the items counted so far.
    var measure: Measure { measure(sourceBand, sourcePartialSums, destinationBand, destinationPartialSum) }

    /// The measure were the item of `footprint` counted too.
    func measure(adding footprint: ExceptionFootprint) -> Measure {
        let sums = self.sums(adding: contribution(of: footprint))
        return measure(sums.sourceBand, sums.sourceSums, sums.destinationBand, sums.destinationSum)
    }

    /// Counts the item of `footprint`.
    mutating func add(_ footprint: ExceptionFootprint) {
        let contribution = contribution(of: footprint)
        (sourceBand, sourcePartialSums, destinationBand, destinationPartialSum) = sums(adding: contribution)
        if let partial = contribution.sourcePartial { sourcePartials.append(partial) }
        if let partial = contribution.destinationPartial { destinationPartials.append(partial) }
    }

    private func measure(_ sourceBand: IPPrefixSet, _ sourceSums: [Double], _ destinationBand: IPPrefixSet,
                         _ destinationSum: Double) -> Measure {
        Measure(
            sourcesPerBlock: family.sourceBlocks.enumerated().map { index, block in
                min(block.addressCount, sourceBand.intersection(block).addressCount + sourceSums[index])
            },
            destinations: min(family.destinations.addressCount, destinationBand.addressCount + destinationSum))
    }

    private func contribution(of footprint: ExceptionFootprint) -> Contribution {
        var contribution = Contribution()
        let destinations = footprint.destinations.intersection(family.destinations)
        guard !destinations.isEmpty else { return contribution }
        let destinationShare = destinations.addressCount / family.destinations.addressCount
        let sources: IPPrefixSet
        let sourceShare: Double
        if family.sources.isEmpty {
            // No source of this family qualifies today; an item open to every source is still
            // judged on its destinations, which it would silence were the rule to admit any.
            guard footprint.sources.isSuperset(of: family.universe) else { return contribution }
            (sources, sourceShare) = (.empty, 1)
        } else {
            sources = footprint.sources.intersection(family.sources)
            guard !sources.isEmpty else { return contribution }
            sourceShare = sources.addressCount / family.sources.addressCount
        }
        if destinationShare >= sourceShare {
            if destinationShare >= 1 {
                contribution.sourceBand = sources
            } else {
                contribution.sourcePartial = Partial(addresses: sources, weight: destinationShare)
            }
        }
        if sourceShare >= destinationShare {
            if sourceShare >= 1 {
                contribution.destinationBand = destinations
            } else {
                contribution.destinationPartial = Partial(addresses: destinations, weight: sourceShare)
            }
        }
        return contribution
    }

    /// The bands and partial sums with `contribution` counted; a band that grows takes its new
    /// addresses out of the partials it overlaps.
    private func sums(adding contribution: Contribution)
        -> (sourceBand: IPPrefixSet, sourceSums: [Double], destinationBand: IPPrefixSet, destinationSum: Double) {
        let blocks = family.sourceBlocks
        func perBlock(_ partial: Partial, outside band: IPPrefixSet) -> [Double] {
            let silenced = partial.addresses.subtracting(band)
            return blocks.map { silenced.intersection($0).addressCount * partial.weight }
        }
        func add(_ lhs: [Double], _ rhs: [Double], sign: Double = 1) -> [Double] {
            zip(lhs, rhs).map { $0 + sign * $1 }
        }
        var newSourceBand = sourceBand
        var sourceSums = sourcePartialSums
        if !contribution.sourceBand.isEmpty {
            newSourceBand = sourceBand.union(contribution.sourceBand)
            for partial in sourcePartials where partial.addresses.overlaps(contribution.sourceBand) {
                sourceSums = add(add(sourceSums, perBlock(partial, outside: sourceBand), sign: -1),
                                 perBlock(partial, outside: newSourceBand))
            }
        }
        if let partial = contribution.sourcePartial { sourceSums = add(sourceSums, perBlock(partial, outside: newSourceBand)) }

        func weighted(_ partial: Partial, outside band: IPPrefixSet) -> Double {
            partial.addresses.subtracting(band).addressCount * partial.weight
        }
        var newDestinationBand = destinationBand
        var destinationSum = destinationPartialSum
        if !contribution.destinationBand.isEmpty {
            newDestinationBand = destinationBand.union(contribution.destinationBand)
            for partial in destinationPartials where partial.addresses.overlaps(contribution.destinationBand) {
                destinationSum += weighted(partial, outside: newDestinationBand) - weighted(partial, outside: destinationBand)
            }
        }
        if let partial = contribution.destinationPartial { destinationSum += weighted(partial, outside: newDestinationBand) }
        return (newSourceBand, sourceSums, newDestinationBand, destinationSum)
    }
}
