/// The rule's query, parsed and compiled once.
public struct CompiledRule: Sendable {
    public let rule: DetectionRule
    /// The parsed query.
    public let expression: KQLExpression
    let predicate: EventPredicate
    private let program: PredicateProgram
    /// Union of the query's top-level `not destination.ip: (…)` clauses.
    public let excludedDestinations: IPPrefixSet
    /// The query's top-level `source.ip: (…)` clause; nil when the query does not restrict sources.
    public let qualifyingSources: IPPrefixSet?

    /// Parses and compiles the rule's query.
    public init(_ rule: DetectionRule) throws(KQLSyntaxError) {
        self.rule = rule
        expression = try KQLParser.parse(rule.query)
        predicate = try KQLCompiler.predicate(for: expression, in: rule.query)
        program = PredicateProgram(predicate)
        let conjuncts: [EventPredicate] = if case .all(let operands) = predicate { operands } else { [predicate] }
        var excluded: [ClosedRange<IPAddress>] = []
        var sources: IPPrefixSet?
        for conjunct in conjuncts {
            switch conjunct {
            case .not(.address(.destinationIP, let prefixes)): excluded += prefixes.ranges
            case .address(.sourceIP, let prefixes) where sources == nil: sources = prefixes
            default: break
            }
        }
        excludedDestinations = IPPrefixSet(ranges: excluded)
        qualifyingSources = sources
    }

    /// True when `event` matches the query.
    public func matches(_ event: NetworkEvent) -> Bool {
        program.matches(event)
    }

    /// True when the event at `event` matches the query (read in place).
    @inline(__always)
    func matches(_ event: UnsafePointer<NetworkEvent>) -> Bool {
        program.matches(event)
    }

    /// The indices of the events in `events` that match the query, ascending (batch evaluation).
    func matchingIndices(in events: UnsafeBufferPointer<NetworkEvent>) -> [Int32] {
        program.matchingIndices(in: events)
    }

    /// Derived from the query's `not destination.ip: (…)` clause: the rule would not alert on it.
    public func isExcludedDestination(_ address: IPAddress) -> Bool {
        excludedDestinations.contains(address)
    }

    /// Derived from the query's `source.ip: (…)` clause.
    public func isQualifyingSource(_ address: IPAddress) -> Bool {
        qualifyingSources?.contains(address) ?? true
    }
}
