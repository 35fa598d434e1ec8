/// The coverage notes for a compiled rule, computed from its query against IANA's special-purpose
/// registry and the datasets producers really emit: gaps in the destination exclusions, excluded
/// blocks IANA marks globally reachable, sources that can never qualify, exclusions that can
/// never take effect, and dataset names no producer emits.
public func coverageNotes(for rule: CompiledRule) -> [CoverageNote] {
    CoverageAnalysis(rule).notes
}

/// Works out `coverageNotes(for:)`.
struct CoverageAnalysis {
    private let rule: CompiledRule

    init(_ rule: CompiledRule) { self.rule = rule }

    var notes: [CoverageNote] {
        destinationGaps() + reachableButExcluded() + sourceGaps() + ineffectiveIPv6Exclusions() + unknownDatasets()
    }

    private var excluded: IPPrefixSet { rule.excludedDestinations }

    /// Special-purpose blocks the destination exclusions miss (a block inside an already
    /// reported one is not repeated).
    private func destinationGaps() -> [CoverageNote] {
        var reported: [IPPrefix] = []
        var notes: [CoverageNote] = []
        for block in SpecialPurposeRegistry.blocks where !excluded.covers(block.prefix) {
            if reported.contains(where: { $0.contains(block.prefix.network) && $0.contains(block.prefix.last) }) { continue }
            reported.append(block.prefix)
            let extent = excluded.intersects(block.prefix) ? "only partly excluded" : "not excluded"
            notes.append(CoverageNote(
                id: "destination-gap:\(block.prefix)",
                title: "\(block.prefix) (\(block.name)) is \(extent)",
                detail: "The query's destination exclusions miss IANA special-purpose block \(block.prefix) "
                    + "(\(block.name), \(block.reference)): a flow to an address such as \(sampleAddress(in: block.prefix)) "
                    + "alerts although it cannot be an Internet destination."))
        }
        return notes
    }

    private func reachableButExcluded() -> [CoverageNote] {
        let blocks = SpecialPurposeRegistry.blocks.filter { $0.reachability == .globallyReachable && excluded.covers($0.prefix) }
        guard !blocks.isEmpty else { return [] }
        let list = blocks.map { "\($0.prefix) (\($0.name))" }.joined(separator: ", ")
        return [CoverageNote(
            id: "reachable-excluded",
            title: "\(blocks.count) globally reachable blocks are excluded",
            detail: "IANA marks these special-purpose blocks globally reachable, yet the query excludes them as "
                + "destinations, so SMB to them never alerts: \(list).")]
    }

    private func sourceGaps() -> [CoverageNote] {
        guard let sources = rule.qualifyingSources else { return [] }
        var notes: [CoverageNote] = []
        if sources.ranges.allSatisfy(\.isIPv4) {
            notes.append(CoverageNote(
                id: "ipv6-sources",
                title: "IPv6 sources never match",
                detail: "The source.ip clause lists IPv4 blocks only, so an internal host speaking SMB over IPv6 "
                    + "never alerts."))
        }
        for block in SpecialPurposeRegistry.blocks where block.isInternalAddressSpace && !sources.intersects(block.prefix) {
            notes.append(CoverageNote(
                id: "source-gap:\(block.prefix)",
                title: "Sources in \(block.prefix) (\(block.name)) never match",
                detail: "The source.ip clause leaves out \(block.prefix) (\(block.name), \(block.reference)), "
                    + "which networks also number internal hosts from: SMB from \(sampleAddress(in: block.prefix)) "
                    + "never alerts."))
        }
        return notes
    }

    private func ineffectiveIPv6Exclusions() -> [CoverageNote] {
        guard let sources = rule.qualifyingSources, sources.ranges.allSatisfy(\.isIPv4) else { return [] }
        let ipv6 = excluded.ranges.filter { !$0.isIPv4 }
        guard !ipv6.isEmpty else { return [] }
        return [CoverageNote(
            id: "ipv6-destination-exclusions",
            title: "The IPv6 destination exclusions never take effect",
            detail: "Only IPv4 sources qualify, and an IPv4 flow has an IPv4 destination, so excluding "
                + ipv6.map(\.cidrText).joined(separator: ", ") + " changes nothing.")]
    }

    private func unknownDatasets() -> [CoverageNote] {
        var seen: Set<String> = []
        return Self.datasetValues(in: rule.predicate).filter { !KnownDatasets.all.contains($0) && seen.insert($0).inserted }
            .map { dataset in
                let hint = dataset.hasPrefix("zeek.smb")
                    ? " The real Zeek SMB datasets are \(KnownDatasets.zeekSMB.joined(separator: ", "))." : ""
                return CoverageNote(
                    id: "unknown-dataset:\(dataset)",
                    title: "event.dataset: \(dataset.printableEscaped) names no real dataset",
                    detail: "No producer emits the dataset \(dataset.printableEscaped), so the clause never matches: "
                        + "events qualify only through the other alternatives beside it.\(hint)")
            }
    }

    /// Every exact `event.dataset` value the predicate compares with.
    private static func datasetValues(in predicate: EventPredicate) -> [String] {
        switch predicate {
        case .all(let operands), .any(let operands): operands.flatMap(datasetValues(in:))
        case .not(let operand): datasetValues(in: operand)
        case .keyword(.eventDataset, let values): values
        default: []
        }
    }

    /// An address inside `prefix` to show as an example (its second address when there is one).
    private func sampleAddress(in prefix: IPPrefix) -> IPAddress {
        prefix.network == prefix.last ? prefix.network : prefix.network.successor ?? prefix.network
    }
}
