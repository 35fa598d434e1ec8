/// The rule with its exceptions: `query and not (item1 or item2 …)`.
public struct Detector: Sendable {
    public let rule: CompiledRule
    public let exceptions: CompiledExceptions

    public init(rule: CompiledRule, exceptions: CompiledExceptions) {
        self.rule = rule
        self.exceptions = exceptions
    }

    /// The verdict for `event`; a suppression names the first matching exception item.
    public func evaluate(_ event: NetworkEvent) -> Verdict {
        withUnsafePointer(to: event) { evaluate($0) }
    }

    /// The verdict for the event at `event`, read in place.
    @inline(__always)
    private func evaluate(_ event: UnsafePointer<NetworkEvent>) -> Verdict {
        guard rule.matches(event) else { return .noMatch }
        if let exceptionID = exceptions.firstMatch(event) { return .suppressed(exceptionID: exceptionID) }
        return .alert
    }
}

extension Detector {
    /// The verdict for each event, in order. The query runs over the whole batch clause by clause
    /// (`CompiledRule.matchingIndices`); the exceptions are consulted for the matching events only.
    public func verdicts(for events: [NetworkEvent]) -> [Verdict] {
        var verdicts = [Verdict](repeating: .noMatch, count: events.count)
        events.withUnsafeBufferPointer { events in
            guard let first = events.baseAddress else { return }
            for index in rule.matchingIndices(in: events) {
                if let exceptionID = exceptions.firstMatch(first + Int(index)) {
                    verdicts[Int(index)] = .suppressed(exceptionID: exceptionID)
                } else {
                    verdicts[Int(index)] = .alert
                }
            }
        }
        return verdicts
    }
}
