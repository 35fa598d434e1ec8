import Foundation

/// The rule as plain text for `smbtriage rule`: query, metadata, ATT&CK mapping with URLs, the
/// investigation guide, false positives, response and coverage notes. No colour, no control
/// characters (every value from the file is escaped).
public func renderRuleText(_ rule: DetectionRule, coverage: [CoverageNote]) -> String {
    var lines: [String] = []
    func heading(_ title: String) {
        lines += ["", title, String(repeating: "-", count: title.count)]
    }
    func numbered(_ items: [String]) {
        lines += items.enumerated().map { "\($0.offset + 1). \($0.element.printableEscaped)" }
    }
    let p = { (text: String) in text.printableEscaped }

    lines.append(p(rule.name))
    lines.append(String(repeating: "=", count: rule.name.count))
    lines.append(p(rule.description))

    heading("Query (\(p(rule.language)))")
    lines.append(p(rule.query))

    heading("Metadata")
    var metadata: [(String, String)] = [
        ("rule id", rule.ruleID), ("version", "\(rule.version)"), ("type", rule.type),
        ("severity", rule.severity), ("risk score", "\(rule.riskScore)"),
        ("schedule", "every \(rule.interval), looking back to \(rule.from)"
            + (rule.timestampOverride.map { " on \($0)" } ?? "")),
        ("max alerts per run", "\(rule.maxSignals)"),
    ]
    if rule.isNewTerms {
        metadata += [
            ("new terms", (rule.newTermsFields ?? []).joined(separator: ", ")
                + ", new when not seen since \(rule.historyWindowStart ?? "-") (history window)"),
            ("max values per run", "\(5 * rule.maxSignals)"),
        ]
    }
    metadata += [
        ("indices", rule.index.joined(separator: ", ")),
        ("tags", rule.tags.joined(separator: "; ")), ("author", rule.author.joined(separator: ", ")),
        ("license", rule.license),
        ("required fields", rule.requiredFields.map { "\($0.name) (\($0.type))" }.joined(separator: ", ")),
    ]
    metadata += rule.references.map { ("reference", $0) }
    let width = metadata.map(\.0.count).max() ?? 0
    lines += metadata.map { "\($0.0.padding(toLength: width, withPad: " ", startingAt: 0))  \(p($0.1))" }

    heading("MITRE ATT&CK")
    for mapping in rule.threat {
        lines.append("\(p(mapping.tactic.id)) \(p(mapping.tactic.name)) — \(p(mapping.tactic.reference))")
        lines += mapping.technique.map { "  \(p($0.id)) \(p($0.name)) — \(p($0.reference))" }
    }

    heading("Investigation guide")
    numbered(rule.investigationGuide.steps)
    heading("False positives")
    lines += rule.investigationGuide.falsePositives.map { "- \(p($0))" }
    heading("Response")
    numbered(rule.investigationGuide.response)

    heading("Coverage notes")
    if coverage.isEmpty { lines.append("none") }
    for note in coverage {
        lines.append("* \(p(note.title))")
        lines.append("  \(p(note.detail))")
    }
    return lines.joined(separator: "\n") + "\n"
}
