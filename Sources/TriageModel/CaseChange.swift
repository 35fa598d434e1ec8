/// What a change of a case's state did: the transition made and the alerts resolving closed.
public struct CaseChange: Hashable, Sendable {
    public var transition: CaseTransition
    public var closedAlertIDs: [Int64]

    public init(transition: CaseTransition, closedAlertIDs: [Int64]) {
        self.transition = transition
        self.closedAlertIDs = closedAlertIDs
    }
}
