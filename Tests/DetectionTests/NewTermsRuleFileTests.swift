import BundledRules
@testable import Detection
import Foundation
import Testing

/// The bundled version 108 (new terms) and what the rule-file checker says about new-terms keys.
@Suite struct NewTermsRuleFileTests {
    private static let text = RuleFileText.bundled(version: 108)

    private func errors(_ text: String) -> [RuleFileError] {
        validateRuleFile(Data(text.utf8))
    }

    /// The line and column of `needle` in `text`, as an array.
    private func position(of needle: String, in text: String) -> [Int] {
        let position = RuleFileText.position(of: needle, in: text)
        return [position.line, position.column]
    }

    @Test func version108IsTheNewTermsVersionOf103() throws {
        let rule = try DetectionRule.bundled(version: 108)
        let original = try DetectionRule.bundled(version: 103)
        #expect(errors(Self.text).isEmpty)
        #expect(rule.type == "new_terms" && rule.isNewTerms && !original.isNewTerms)
        #expect(rule.newTermsFields == ["source.ip"] && rule.historyWindowStart == "now-5d")
        #expect(rule.riskScore == 47 && rule.severity == "medium")
        #expect(rule.index == original.index + ["logs-panw.panos*"])
        #expect(Set(rule.tags) == Set(original.tags + ["Domain: Network", "Data Source: PAN-OS",
                                                       "Resources: Investigation Guide"]))
        #expect(rule.ruleID == original.ruleID && rule.query == original.query && rule.from == original.from)
        #expect(rule.interval == original.interval && rule.timestampOverride == original.timestampOverride)
        #expect(rule.threat == original.threat && rule.investigationGuide == original.investigationGuide)
        #expect(original.newTermsFields == nil && original.historyWindowStart == nil)
    }

    @Test func aNewTermsRuleNeedsItsHistoryWindow() {
        let text = Self.text.replacingOccurrences(of: "\"history_window_start\": \"now-5d\",", with: "")
        let found = errors(text)
        #expect(found.map(\.reason) == ["type: a new_terms rule needs \"history_window_start\""])
        #expect(found.first.map { [$0.line, $0.column] } == position(of: "\"new_terms\"", in: text))
    }

    @Test func newTermsValuesAreCheckedWhereTheyAre() {
        let text = Self.text
            .replacingOccurrences(of: "\"source.ip\"\n  ]", with: "\"destination.ip\"\n  ]")
            .replacingOccurrences(of: "\"now-5d\"", with: "\"now-5m\"")
        let found = errors(text)
        #expect(found.count == 2)
        let fields = found.first { $0.reason.hasPrefix("new_terms_fields:") }
        #expect(fields.map { [$0.line, $0.column] } == position(of: "[\n    \"destination.ip\"", in: text))
        let history = found.first { $0.reason.hasPrefix("history_window_start:") }
        #expect(history?.reason.contains("further back than from") == true)
        #expect(history.map { [$0.line, $0.column] } == position(of: "\"now-5m\"", in: text))
        let notDateMath = Self.text.replacingOccurrences(of: "\"now-5d\"", with: "\"5 days\"")
        #expect(errors(notDateMath).map(\.reason) == ["history_window_start: must be date math such as now-5d"])
    }

    @Test func aQueryRuleTakesNoNewTermsKeys() {
        let text = Self.text.replacingOccurrences(of: "\"type\": \"new_terms\"", with: "\"type\": \"query\"")
        let found = errors(text)
        #expect(found.map { $0.reason.components(separatedBy: ":").first } == ["new_terms_fields", "history_window_start"])
        #expect(found.first.map { [$0.line, $0.column] } == position(of: "[\n    \"source.ip\"", in: text))
        let unknownType = Self.text.replacingOccurrences(of: "\"type\": \"new_terms\"", with: "\"type\": \"threshold\"")
        #expect(errors(unknownType).first?.reason.contains("query and new_terms rules only") == true)
    }

    @Test func theRenderedTextExplainsTheNewTerms() throws {
        let text = renderRuleText(try DetectionRule.bundled(version: 108), coverage: [])
        #expect(text.contains("source.ip, new when not seen since now-5d"))
        #expect(text.contains("max values per run  500"))
    }
}
