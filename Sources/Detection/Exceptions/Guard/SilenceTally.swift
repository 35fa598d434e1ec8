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
struct SilenceTally: Hashable, Sendable {
    /// What the tally measures.
    struct Measure: Equatable {
        /// Sources silenced per source block of the family, in the blocks' order.
        var sourcesPerBlock: [Double]
        var destinations: Double

        var sources: Double { sourcesPerBlock.reduce(0, +) }
    }

    /// An item silencing `addresses` on its axis for `weight` (a share) of the other axis.
    private struct Partial: Hashable, Sendable {
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
    private var sourceBand = AddressRangeUnion()
    private var destinationBand = AddressRangeUnion()
    /// The source band's addresses per source block.
    private var sourceBandCounts: [Double]
    private var sourcePartials: [Partial] = []
    private var destinationPartials: [Partial] = []
    /// The partials' weighted addresses outside the bands: per source block, and destinations.
    private var sourcePartialSums: [Double]
    private var destinationPartialSum: Double = 0

    init(_ family: RuleAddressPlane.Family) {
        self.family = family
        sourceBandCounts = Array(repeating: 0, count: family.sourceBlocks.count)
        sourcePartialSums = sourceBandCounts
    }

    /// The measure of the items counted so far.
    var measure: Measure {
        measure(Sums(sourceBandCounts: sourceBandCounts, sourcePartialSums: sourcePartialSums,
                     destinationBandCount: destinationBand.addressCount, destinationPartialSum: destinationPartialSum))
    }

    /// The measure were the item of `footprint` counted too.
    func measure(adding footprint: ExceptionFootprint) -> Measure {
        measure(sums(adding: contribution(of: footprint)))
    }

    /// Counts the item of `footprint`.
    mutating func add(_ footprint: ExceptionFootprint) {
        let contribution = contribution(of: footprint)
        let sums = sums(adding: contribution)
        (sourceBandCounts, sourcePartialSums, destinationPartialSum)
            = (sums.sourceBandCounts, sums.sourcePartialSums, sums.destinationPartialSum)
        sourceBand.formUnion(contribution.sourceBand)
        destinationBand.formUnion(contribution.destinationBand)
        if let partial = contribution.sourcePartial { sourcePartials.append(partial) }
        if let partial = contribution.destinationPartial { destinationPartials.append(partial) }
    }

    /// The counts a measure is made of.
    private struct Sums {
        var sourceBandCounts: [Double]
        var sourcePartialSums: [Double]
        var destinationBandCount: Double
        var destinationPartialSum: Double
    }

    private func measure(_ sums: Sums) -> Measure {
        Measure(
            sourcesPerBlock: family.sourceBlocks.indices.map { index in
                min(family.sourceBlockSizes[index], sums.sourceBandCounts[index] + sums.sourcePartialSums[index])
            },
            destinations: min(family.destinationCount, sums.destinationBandCount + sums.destinationPartialSum))
    }

    private func contribution(of footprint: ExceptionFootprint) -> Contribution {
        var contribution = Contribution()
        let destinations = footprint.destinations.intersection(family.destinations)
        guard !destinations.isEmpty else { return contribution }
        let destinationShare = destinations.addressCount / family.destinationCount
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
            sourceShare = sources.addressCount / family.sourceCount
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

    /// The counts with `contribution` counted; a band that grows takes its new addresses out of
    /// the partials it overlaps.
    private func sums(adding contribution: Contribution) -> Sums {
        let blocks = family.sourceBlocks
        func perBlock(_ addresses: IPPrefixSet, weight: Double = 1) -> [Double] {
            blocks.map { addresses.intersection($0).addressCount * weight }
        }
        func plus(_ lhs: [Double], _ rhs: [Double]) -> [Double] { zip(lhs, rhs).map { $0 + $1 } }
        func minus(_ lhs: [Double], _ rhs: [Double]) -> [Double] { zip(lhs, rhs).map { $0 - $1 } }
        // A partial's addresses outside the band, before and after the band grows by `growth`.
        func outside(_ partial: Partial, _ band: AddressRangeUnion, growing growth: IPPrefixSet) -> (IPPrefixSet, IPPrefixSet) {
            let before = band.uncovered(partial.addresses)
            return (before, before.subtracting(growth))
        }

        let newSources = sourceBand.uncovered(contribution.sourceBand)
        var sums = Sums(sourceBandCounts: plus(sourceBandCounts, perBlock(newSources)), sourcePartialSums: sourcePartialSums,
                        destinationBandCount: destinationBand.addressCount, destinationPartialSum: destinationPartialSum)
        if !newSources.isEmpty {
            for partial in sourcePartials where partial.addresses.overlaps(newSources) {
                let (before, after) = outside(partial, sourceBand, growing: newSources)
                sums.sourcePartialSums = plus(minus(sums.sourcePartialSums, perBlock(before, weight: partial.weight)),
                                              perBlock(after, weight: partial.weight))
            }
        }
        if let partial = contribution.sourcePartial {
            let (_, after) = outside(partial, sourceBand, growing: newSources)
            sums.sourcePartialSums = plus(sums.sourcePartialSums, perBlock(after, weight: partial.weight))
        }

        let newDestinations = destinationBand.uncovered(contribution.destinationBand)
        sums.destinationBandCount += newDestinations.addressCount
        if !newDestinations.isEmpty {
            for partial in destinationPartials where partial.addresses.overlaps(newDestinations) {
                let (before, after) = outside(partial, destinationBand, growing: newDestinations)
                sums.destinationPartialSum += (after.addressCount - before.addressCount) * partial.weight
            }
        }
        if let partial = contribution.destinationPartial {
            sums.destinationPartialSum += outside(partial, destinationBand, growing: newDestinations).1.addressCount
                * partial.weight
        }
        return sums
    }
}
