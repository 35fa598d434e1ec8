import Foundation

/// What one exception item silences beyond the guard's limits in one address family, in words.
struct BreadthFinding {
    static let inPlace = "together with the active exceptions already in place"

    /// The amounts over a limit, e.g. `half of 10.0.0.0/8 (8,388,608 internal sources)`.
    let excess: [String]
    /// True when the item goes over a limit only together with the items in place.
    let isCumulative: Bool
    /// What the items in place and this one silence together, when more than `excess` says.
    let widened: [String]

    /// The finding about the item of `footprint` in `tally`'s family, or nil when within the limits:
    /// over a limit alone, or taking the items in place over one they were still under.
    init?(_ footprint: ExceptionFootprint, in tally: SilenceTally) {
        let family = tally.family
        let alone = SilenceTally(family).measure(adding: footprint)
        let before = tally.measure
        let after = tally.measure(adding: footprint)
        let aloneExcess = [Self.sourceExcess(alone, family, .item),
                           Self.destinationExcess(alone, family, .item, own: footprint.destinations)].compactMap { $0 }
        if !aloneExcess.isEmpty {
            excess = aloneExcess
            isCumulative = false
            widened = [
                after.sourcesPerBlock != alone.sourcesPerBlock ? Self.sourceExcess(after, family, .total) : nil,
                after.destinations != alone.destinations ? Self.destinationExcess(after, family, .total, own: nil) : nil,
            ].compactMap { $0 }.filter { !aloneExcess.contains($0) }
            return
        }
        let cumulative = [
            Self.sourceExcess(after, family, .total, beyond: Self.sourceBreaches(before, family, .total)),
            Self.destinationExcess(before, family, .total, own: nil) == nil
                ? Self.destinationExcess(after, family, .total, own: nil) : nil,
        ].compactMap { $0 }
        guard !cumulative.isEmpty else { return nil }
        (excess, isCumulative, widened) = (cumulative, true, [])
    }

    /// The sentence for an item whose conditions read `subject`.
    func message(subject: String) -> String {
        let company = isCumulative ? ", \(Self.inPlace)," : ""
        let wider = widened.isEmpty ? "" : "; \(Self.inPlace), for " + widened.joined(separator: ", and for ")
        return "\(subject)\(company) would silence the rule for " + excess.joined(separator: ", and for ") + wider
    }

    /// A source limit a measure is over: a block's share, or the count of all blocks together.
    private enum SourceBreach: Hashable {
        case block(Int), total
    }

    private static func sourceBreaches(_ measure: SilenceTally.Measure, _ family: RuleAddressPlane.Family,
                                       _ scope: AddressLimit.Scope) -> Set<SourceBreach> {
        var breaches = Set(family.sourceBlocks.indices.filter {
            measure.sourcesPerBlock[$0] / family.sourceBlockSizes[$0] >= ExceptionGuard.Limits.sourceBlockShare
        }.map(SourceBreach.block))
        if measure.sources > family.sourceLimit.addresses(scope) { breaches.insert(.total) }
        return breaches
    }

    /// What the measure silences of the family's sources, when over a limit not in `known`.
    private static func sourceExcess(_ measure: SilenceTally.Measure, _ family: RuleAddressPlane.Family,
                                     _ scope: AddressLimit.Scope, beyond known: Set<SourceBreach> = []) -> String? {
        let breaches = sourceBreaches(measure, family, scope).subtracting(known)
        guard !breaches.isEmpty else { return nil }
        let shares = zip(measure.sourcesPerBlock, family.sourceBlockSizes).map { $0 / $1 }
        if shares.allSatisfy({ $0 >= 1 }) {
            return "all internal sources (\(family.sourceBlocks.map(blockText).joined(separator: ", ")))"
        }
        let blocks = breaches.compactMap { breach -> Int? in
            if case .block(let index) = breach { index } else { nil }
        }
        if let widest = blocks.max(by: { shares[$0] < shares[$1] }) {
            return "\(AddressShareText.share(shares[widest])) of \(blockText(family.sourceBlocks[widest])) "
                + "(\(AddressShareText.count(measure.sourcesPerBlock[widest])) internal sources)"
        }
        return "\(AddressShareText.count(measure.sources)) internal sources, more than a \(family.sourceLimit.text(scope)) holds"
    }

    /// What the measure silences of the family's destinations, when over the limit; `own` (the
    /// item's destinations, when judged alone) names the special-purpose block they lie in.
    private static func destinationExcess(_ measure: SilenceTally.Measure, _ family: RuleAddressPlane.Family,
                                          _ scope: AddressLimit.Scope, own: IPPrefixSet?) -> String? {
        guard measure.destinations > family.destinationLimit.addresses(scope) else { return nil }
        let share = "\(AddressShareText.share(measure.destinations / family.universe.addressCount)) of \(family.name)"
        // IPv6 amounts are told as shares only.
        let amount = family.name == "IPv4" ? "\(AddressShareText.count(measure.destinations)) " : ""
        if measure.destinations >= family.destinationCount {
            return "the whole \(family.name) Internet: every destination it alerts on (\(amount)addresses, \(share))"
                .replacingOccurrences(of: "(addresses, ", with: "(")
        }
        let silenced = own?.intersection(family.destinations) ?? .empty
        if !silenced.isEmpty, let block = SpecialPurposeRegistry.blocks.first(where: {
            IPPrefixSet([$0.prefix]).isSuperset(of: silenced)
        }) {
            return "\(amount)destination addresses (\(share)), all in \(block.prefix) (\(block.name), "
                + "\(block.reference)): reserved space, not the Internet"
        }
        return "\(amount)Internet destinations (\(share))"
    }

    private static func blockText(_ block: IPPrefixSet) -> String {
        block.ranges.first?.cidrText ?? "\(block)"
    }
}
