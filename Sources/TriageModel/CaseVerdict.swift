/// What a resolved case concluded. Resolving requires one, and nothing preselects it. The raw
/// value is Kibana's closing reason (`kibana.alert.workflow_reason`, Kibana 9.2).
public enum CaseVerdict: String, Hashable, Sendable, CaseIterable, Codable, CustomStringConvertible {
    case truePositive = "true_positive"
    case benignTruePositive = "benign_positive"
    case falsePositive = "false_positive"
    case duplicate

    /// The words an analyst reads; also the close reason of the alerts resolving closes.
    public var description: String {
        switch self {
        case .truePositive: "true positive"
        case .benignTruePositive: "benign true positive"
        case .falsePositive: "false positive"
        case .duplicate: "duplicate"
        }
    }

    /// The verdict whose words are `closeReason` (an alert closed by resolving its case), or nil.
    public init?(closeReason: String) {
        guard let verdict = Self.allCases.first(where: { $0.description == closeReason }) else { return nil }
        self = verdict
    }

    /// `kibana.alert.workflow_reason` of an alert closed with `closeReason`: Kibana's closing reason
    /// when the reason is a verdict's words (`true positive` → `true_positive`), else the reason as
    /// given (an exception's name, an analyst's words).
    public static func workflowReason(closeReason: String) -> String {
        CaseVerdict(closeReason: closeReason)?.rawValue ?? closeReason
    }
}
