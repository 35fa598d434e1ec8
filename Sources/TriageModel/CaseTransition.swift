/// One change of a case's state, checked against the case life cycle: a case never returns to
/// `new`; it may be resolved from any other state and reopened (to investigating or escalated)
/// once resolved; escalated and investigating lead to each other. Resolving needs a verdict, and
/// only resolving takes one.
public struct CaseTransition: Hashable, Sendable {
    public let from: CaseState
    public let to: CaseState
    /// Set exactly when `to` is `resolved`.
    public let verdict: CaseVerdict?

    /// - Throws: `CaseTransitionError` when the life cycle does not allow the change.
    public init(from: CaseState, to: CaseState, verdict: CaseVerdict?) throws(CaseTransitionError) {
        try Self.checkVerdict(verdict, for: to)
        guard from != to else { throw .unchanged(to) }
        guard Self.targets(from: from).contains(to) else { throw .notAllowed(from: from, to: to) }
        self.from = from
        self.to = to
        self.verdict = verdict
    }

    /// The states a case in `state` may move to.
    public static func targets(from state: CaseState) -> [CaseState] {
        switch state {
        case .new: [.investigating, .escalated, .resolved]
        case .investigating: [.escalated, .resolved]
        case .escalated: [.investigating, .resolved]
        case .resolved: [.investigating, .escalated]
        }
    }

    /// Whether `verdict` fits a move to `state`, whatever the case's state: the check a form or a
    /// command line can make before it knows the case.
    public static func checkVerdict(_ verdict: CaseVerdict?, for state: CaseState) throws(CaseTransitionError) {
        switch (state, verdict) {
        case (.resolved, nil): throw .verdictRequired
        case (.resolved, _), (_, nil): return
        case (_, .some): throw .verdictOnlyWhenResolving(state)
        }
    }
}

/// Why a case cannot change state as asked.
public enum CaseTransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    case unchanged(CaseState)
    case notAllowed(from: CaseState, to: CaseState)
    case verdictRequired
    case verdictOnlyWhenResolving(CaseState)

    public var description: String {
        switch self {
        case .unchanged(let state):
            "the case is already \(state.rawValue)."
        case .notAllowed(let from, let to):
            "a case that is \(from.rawValue) cannot become \(to.rawValue) (it may become "
                + CaseTransition.targets(from: from).map(\.rawValue).joined(separator: " or ") + ")."
        case .verdictRequired:
            "resolving a case needs a verdict: "
                + CaseVerdict.allCases.map(\.description).joined(separator: ", ") + "."
        case .verdictOnlyWhenResolving(let state):
            "a verdict is given only when resolving, not when the case becomes \(state.rawValue)."
        }
    }
}
