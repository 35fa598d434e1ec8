/// Where a host's case stands, as a row of the hosts list shows it.
public struct CaseProgress: Hashable, Sendable {
    public var state: CaseState
    public var verdict: CaseVerdict?
    /// How many investigation-guide steps are ticked on the case.
    public var checkedGuideSteps: Int
    /// Alerts since the case was resolved, while it is reopened; nil otherwise.
    public var reopenedBy: Int?

    public init(state: CaseState, verdict: CaseVerdict?, checkedGuideSteps: Int, reopenedBy: Int?) {
        self.state = state
        self.verdict = verdict
        self.checkedGuideSteps = checkedGuideSteps
        self.reopenedBy = reopenedBy
    }
}
