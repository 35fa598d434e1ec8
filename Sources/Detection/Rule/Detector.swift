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
        guard rule.matches(event) else { return .noMatch }
        if let exceptionID = exceptions.firstMatch(event) { return .suppressed(exceptionID: exceptionID) }
        return .alert
    }
}
