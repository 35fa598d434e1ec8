import Detection
import Foundation

/// The analyst's case on one internal host: its state and verdict, the investigation-guide
/// checklist and notes kept on the case, and the host's alert counts.
public struct HostCase: Hashable, Sendable {
    public var host: IPAddress
    public var hostName: String?
    public var state: CaseState
    /// Set when `state` is resolved.
    public var verdict: CaseVerdict?
    /// The reason given with the last change of state, if any.
    public var reason: String?
    /// When and by whom the state last changed; nil for a case nobody changed yet.
    public var changedAt: Date?
    public var changedBy: String?
    /// When the case was last resolved (kept while it is reopened).
    public var resolvedAt: Date?
    /// Set while the case is open again because new alerts arrived after it was resolved.
    public var reopening: CaseReopening?
    /// Indices of the investigation-guide steps ticked on the case.
    public var checkedGuideSteps: Set<Int>
    /// The notes on the case, oldest first.
    public var notes: [CaseNote]
    public var openAlerts: Int
    public var acknowledgedAlerts: Int
    public var closedAlerts: Int
    /// Notes written on single alerts of the host.
    public var alertNotes: Int

    public init(host: IPAddress, hostName: String?, state: CaseState, verdict: CaseVerdict?, reason: String?,
                changedAt: Date?, changedBy: String?, resolvedAt: Date?, reopening: CaseReopening?,
                checkedGuideSteps: Set<Int>, notes: [CaseNote], openAlerts: Int, acknowledgedAlerts: Int,
                closedAlerts: Int, alertNotes: Int) {
        self.host = host
        self.hostName = hostName
        self.state = state
        self.verdict = verdict
        self.reason = reason
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.resolvedAt = resolvedAt
        self.reopening = reopening
        self.checkedGuideSteps = checkedGuideSteps
        self.notes = notes
        self.openAlerts = openAlerts
        self.acknowledgedAlerts = acknowledgedAlerts
        self.closedAlerts = closedAlerts
        self.alertNotes = alertNotes
    }
}
