import Store

/// The retention policy in `retention --json` and inside `store --json`.
public struct RetentionPolicyDocument: Encodable, Sendable {
    var flowDays, closedAlertDays, auditDays: Int

    public init(_ policy: RetentionPolicy) {
        flowDays = policy.flowDays
        closedAlertDays = policy.closedAlertDays
        auditDays = policy.auditDays
    }

    enum CodingKeys: String, CodingKey {
        case flowDays = "flows_days", closedAlertDays = "closed_alerts_days", auditDays = "audit_days"
    }
}
