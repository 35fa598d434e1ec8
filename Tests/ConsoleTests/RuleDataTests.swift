@testable import Console
import Detection
import Foundation
import Testing

@Suite("rule data the console derives")
struct RuleDataTests {
    private static func state() -> ConsoleState {
        ConsoleState(width: 120, height: 40, readOnly: true, now: Fixture.now,
                     timeZone: TimeZone(identifier: "UTC")!, rule: Fixture.rule)
    }

    @Test("the history screen tells Internet flows from internal ones by the rule's destination exclusions")
    func internetFlows() {
        let rule = Self.state().compiledRule
        #expect(rule.isExcludedDestination(IPAddress("203.0.113.5")!))
        #expect(rule.isExcludedDestination(IPAddress("fe80::1")!))
        #expect(!rule.isExcludedDestination(IPAddress("8.8.8.8")!))
        #expect(!rule.isExcludedDestination(IPAddress("2001:4860::8888")!))
    }

    @Test("the rule screen lists Detection's coverage notes, each title followed by its detail")
    func coverage() throws {
        let state = Self.state()
        #expect(state.coverageNotes == coverageNotes(for: Fixture.rule))
        let text = RuleView.lines(state, width: 120, theme: Theme(color: false)).map { $0.runs.map(\.text).joined() }.joined(separator: "\n")
        let note = try #require(state.coverageNotes.first)
        #expect(text.contains("• " + note.title))
        #expect(text.contains("destination.port (long)"))
    }
}
