import Detection

/// A bundled rule version in `rule list --json`.
public struct RuleVersionDocument: Encodable, Sendable {
    var version: Int
    var type: String
    var riskScore: Int
    var severity: String
    var active: Bool

    public init(_ rule: DetectionRule, isActive: Bool) {
        version = rule.version
        type = rule.type
        riskScore = rule.riskScore
        severity = rule.severity
        active = isActive
    }

    enum CodingKeys: String, CodingKey {
        case version, type, riskScore = "risk_score", severity, active
    }
}
