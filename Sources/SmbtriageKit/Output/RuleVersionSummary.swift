import Detection

/// How a rule version alerts, in a few words for listings.
public enum RuleVersionSummary {
    public static func alerting(_ rule: DetectionRule) -> String {
        guard rule.isNewTerms else { return "one per matching event" }
        let fields = (rule.newTermsFields ?? []).joined(separator: ", ")
        return "once per new \(fields) (history \(rule.historyWindowStart ?? "-"))"
    }
}
