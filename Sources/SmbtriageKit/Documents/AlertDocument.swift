import Detection
import Store
import TriageModel

/// An alert as Kibana's alerts index holds it: the source event's ECS fields plus `kibana.alert.*`
/// (`alerts --json`, and what `watch --on-alert` hands its command). An alert its case's verdict
/// closed is `closed` with the verdict as Kibana's closing reason (`true_positive`).
public struct AlertDocument: Encodable, Sendable {
    var event: EventDocument
    var alert: AlertFields

    /// `rule` is the version that made the alert (its ATT&CK mapping and type).
    public init(_ alert: AlertRecord, rule: DetectionRule) {
        event = EventDocument(alert.flow)
        event.timestamp = Nullable(JSONLines.date(alert.createdAt))
        self.alert = AlertFields(alert, rule: rule)
    }

    /// The event's fields and the alert's in one object.
    public func encode(to encoder: any Encoder) throws {
        try event.encode(to: encoder)
        try alert.encode(to: encoder)
    }

    /// The alert's own fields.
    struct AlertFields: Encodable, Sendable {
        var uuid, ruleID, ruleName: String
        var ruleVersion: Int
        var ruleType, severity: String
        var riskScore: Int
        var workflowStatus: String
        var workflowReason, originalTime: Nullable<String>
        var reason: String
        /// The ATT&CK mappings, in the rule file's own shape (Kibana's).
        var threat: [DetectionRule.ThreatMapping]
        var id: Int64
        var notes: Int
        /// The connection the event belongs to: the same key on every sensor's alert of it; null while
        /// no other sensor reported it (a lone record has no connection row, schema 21), so the key
        /// comes with the second sensor's record (`network.community_id` and `source.ip` tie them
        /// before).
        var connectionKey: Nullable<Int64>
        var connectionSensors: [String]

        init(_ alert: AlertRecord, rule: DetectionRule) {
            uuid = alert.uuid
            ruleID = alert.ruleID
            ruleName = alert.ruleName
            ruleVersion = alert.ruleVersion
            ruleType = rule.type
            severity = alert.severity
            riskScore = alert.riskScore
            workflowStatus = alert.status.rawValue
            workflowReason = Nullable(alert.closeReason.map(CaseVerdict.workflowReason(closeReason:)))
            originalTime = Nullable(alert.flow.event.timestamp.map(JSONLines.date))
            reason = alert.reason
            threat = rule.threat
            id = alert.id
            notes = alert.noteCount
            connectionKey = Nullable(alert.connection.key)
            connectionSensors = alert.connection.sensors
        }

        enum CodingKeys: String, CodingKey {
            case uuid = "kibana.alert.uuid", ruleID = "kibana.alert.rule.rule_id", ruleName = "kibana.alert.rule.name"
            case ruleVersion = "kibana.alert.rule.version", ruleType = "kibana.alert.rule.type"
            case severity = "kibana.alert.severity", riskScore = "kibana.alert.risk_score"
            case workflowStatus = "kibana.alert.workflow_status", workflowReason = "kibana.alert.workflow_reason"
            case originalTime = "kibana.alert.original_time", reason = "kibana.alert.reason"
            case threat = "kibana.alert.rule.threat", id = "smbtriage.alert.id", notes = "smbtriage.alert.notes"
            case connectionKey = "smbtriage.connection.key", connectionSensors = "smbtriage.connection.sensors"
        }
    }
}
