import Detection

/// How the running rule version compares with the other bundled ones, in words for the rule screen.
enum RuleVersionText {
    /// "103 active: alerts once per matching event. 108 would change type query → new_terms, risk
    /// 73 → 47, severity high → medium, and alert once per host per 5 days (new source.ip values
    /// only); switch with smbtriage rule use 108."
    static func comparison(active: DetectionRule, others: [DetectionRule]) -> String {
        var sentences = ["\(active.version) active: alerts \(alerting(active))."]
        for other in others {
            var changes: [String] = []
            if other.type != active.type { changes.append("type \(active.type) → \(other.type)") }
            if other.riskScore != active.riskScore { changes.append("risk \(active.riskScore) → \(other.riskScore)") }
            if other.severity != active.severity { changes.append("severity \(active.severity) → \(other.severity)") }
            let alert = other.isNewTerms == active.isNewTerms ? "alert the same way" : "alert \(alerting(other))"
            sentences.append("\(other.version) would change \(changes.joined(separator: ", ")), and \(alert); "
                + "switch with smbtriage rule use \(other.version).")
        }
        return sentences.joined(separator: " ")
    }

    /// "once per matching event", or for new terms "once per host per 5 days (…)".
    private static func alerting(_ rule: DetectionRule) -> String {
        guard rule.isNewTerms else { return "once per matching event" }
        let fields = (rule.newTermsFields ?? []).joined(separator: ", ")
        return "once per host per \(period(rule.historyWindowStart ?? "")) (new \(fields) values only)"
    }

    /// `now-5d` as "5 days".
    private static func period(_ dateMath: String) -> String {
        let amount = dateMath.dropFirst("now-".count).dropLast()
        let units: [Character: String] = ["s": "seconds", "m": "minutes", "h": "hours", "d": "days"]
        guard let unit = dateMath.last.flatMap({ units[$0] }) else { return dateMath }
        return "\(amount) \(amount == "1" ? String(unit.dropLast()) : unit)"
    }
}
