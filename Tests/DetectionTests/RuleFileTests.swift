import BundledRules
@testable import Detection
import Foundation
import Testing

@Suite struct RuleFileTests {
    private static let bundledText = RuleFileText.bundled(version: 103)

    private func errors(_ text: String) -> [RuleFileError] {
        validateRuleFile(Data(text.utf8))
    }

    private func position(of needle: String, in text: String) -> (line: Int, column: Int) {
        RuleFileText.position(of: needle, in: text)
    }

    @Test func theBundledRuleFileIsValid() {
        #expect(errors(Self.bundledText).isEmpty)
    }

    @Test func jsonSyntaxErrorsNameLineAndColumn() {
        let text = "{\n  \"name\": \"x\",\n  \"version\": 1,,\n}"
        let found = errors(text)
        #expect(found.count == 1)
        #expect(found.first?.line == 3 && found.first?.column == 16)
        #expect(found.first?.reason.contains("invalid JSON") == true)
        #expect(found.first?.description.hasPrefix("line 3, column 16") == true)
    }

    @Test func unterminatedStringPointsAtItsStart() {
        let found = errors("{\n  \"name\": \"never closed")
        #expect(found.first.map { [$0.line, $0.column] } == [2, 11])
    }

    @Test func missingKeyNamesTheKeyAndTheObject() {
        let text = Self.bundledText.replacingOccurrences(of: "\"risk_score\": 73,", with: "")
        let found = errors(text)
        #expect(found.count == 1)
        #expect(found.first?.reason.contains("missing key \"risk_score\"") == true)
        #expect(found.first.map { [$0.line, $0.column] } == [1, 1])
    }

    @Test func mistypedValueIsPlacedAtTheValue() {
        let text = Self.bundledText.replacingOccurrences(of: "\"risk_score\": 73", with: "\"risk_score\": \"73\"")
        let found = errors(text)
        let expected = position(of: "\"73\"", in: text)
        #expect(found.first.map { [$0.line, $0.column] } == [expected.line, expected.column])
        #expect(found.first?.reason.contains("risk_score") == true)
    }

    @Test func nestedMistypeNamesThePath() {
        let text = Self.bundledText.replacingOccurrences(of: "\"id\": \"T1048\"", with: "\"id\": 1048")
        let found = errors(text)
        let expected = position(of: "1048,", in: text)
        #expect(found.first.map { [$0.line, $0.column] } == [expected.line, expected.column])
        #expect(found.first?.reason.contains("threat[1].technique[0].id") == true)
    }

    @Test func queryErrorsMapToTheFilePosition() {
        let text = Self.bundledText.replacingOccurrences(of: "network.transport:tcp", with: "network.transport:tcp and \\\"sorce.ip\\\": 1")
        let found = errors(text)
        #expect(found.count == 1)
        let expected = position(of: "\\\"sorce.ip", in: text)
        #expect(found.first.map { [$0.line, $0.column] } == [expected.line, expected.column])
        #expect(found.first?.reason.contains("unknown field \"sorce.ip\"") == true)
    }

    @Test func unsupportedValuesAreAllReported() {
        let text = Self.bundledText
            .replacingOccurrences(of: "\"language\": \"kuery\"", with: "\"language\": \"eql\"")
            .replacingOccurrences(of: "\"severity\": \"high\"", with: "\"severity\": \"urgent\"")
            .replacingOccurrences(of: "\"interval\": \"5m\"", with: "\"interval\": \"5 minutes\"")
        let reasons = errors(text).map(\.reason)
        #expect(reasons.count == 3)
        #expect(reasons.contains { $0.hasPrefix("language:") })
        #expect(reasons.contains { $0.hasPrefix("severity:") })
        #expect(reasons.contains { $0.hasPrefix("interval:") })
    }

    @Test func initThrowsTheSameLocatedError() {
        #expect {
            try DetectionRule(jsonFile: Data("[1, 2".utf8))
        } throws: { error in
            guard let error = error as? RuleFileError else { return false }
            return error.line == 1 && error.column == 6
        }
    }

    @Test func renderedTextCarriesEverySection() throws {
        let rule = try DetectionRule.bundled()
        let notes = coverageNotes(for: EventFixtures.bundledRule)
        let text = renderRuleText(rule, coverage: notes)
        for expected in [rule.query, "risk score", "73", "T1190", "https://attack.mitre.org/techniques/T1048/",
                         "Investigation guide", "False positives", "Response", "0.0.0.0/8", "every 5m, looking back to now-9m"] {
            #expect(text.contains(expected), "\(expected)")
        }
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
    }

    @Test func renderingEscapesControlCharacters() throws {
        var rule = try DetectionRule.bundled()
        rule.name = "evil\u{1B}[31mname"
        let text = renderRuleText(rule, coverage: [])
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("evil\\u{1b}[31mname"))
    }
}
