import Detection
import Foundation

/// One alert: the rule matched one stored event once.
public struct AlertRecord: Hashable, Sendable, Identifiable {
    public var id: Int64
    /// `kibana.alert.uuid`.
    public var uuid: String
    public var status: AlertStatus
    /// The reason given when the alert was closed.
    public var closeReason: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var ruleID: String
    public var ruleName: String
    public var severity: String
    public var riskScore: Int
    /// `kibana.alert.rule.version`: the rule version that made the alert (its severity and risk
    /// are that version's).
    public var ruleVersion: Int
    /// `kibana.alert.reason`, e.g. "network event with source 10.1.2.3:52144, destination 8.8.8.8:445…".
    public var reason: String
    /// The execution that created the alert.
    public var executionID: Int64
    public var flow: StoredFlow
    /// Indices of the investigation-guide steps the analyst has ticked on this alert.
    public var checkedGuideSteps: Set<Int>
    public var noteCount: Int

    public init(id: Int64, uuid: String, status: AlertStatus, closeReason: String?, createdAt: Date, updatedAt: Date,
                ruleID: String, ruleName: String, severity: String, riskScore: Int, ruleVersion: Int, reason: String,
                executionID: Int64, flow: StoredFlow, checkedGuideSteps: Set<Int>, noteCount: Int) {
        self.id = id
        self.uuid = uuid
        self.status = status
        self.closeReason = closeReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.ruleID = ruleID
        self.ruleName = ruleName
        self.severity = severity
        self.riskScore = riskScore
        self.ruleVersion = ruleVersion
        self.reason = reason
        self.executionID = executionID
        self.flow = flow
        self.checkedGuideSteps = checkedGuideSteps
        self.noteCount = noteCount
    }
}

/// An analyst's note on an alert.
public struct AlertNote: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var alertID: Int64
    public var author: String
    public var createdAt: Date
    public var text: String

    public init(id: Int64, alertID: Int64, author: String, createdAt: Date, text: String) {
        self.id = id
        self.alertID = alertID
        self.author = author
        self.createdAt = createdAt
        self.text = text
    }
}
