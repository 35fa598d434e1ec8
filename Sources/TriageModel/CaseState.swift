/// Where the analyst's case on one internal host stands: new → investigating → escalated →
/// resolved (`CaseTransition` says which changes are allowed). Every internal host with alerts is
/// a case; one nobody worked on yet is `new`.
public enum CaseState: String, Hashable, Sendable, CaseIterable, Codable {
    case new, investigating, escalated, resolved

    /// The state a resolved case returns to when new alerts arrive on its host.
    public static let reopened = CaseState.investigating
}
