import BundledRules
@testable import Console
import Detection
import Foundation
import Testing

@Suite("rule data the console derives")
struct RuleDataTests {
    private static func state() -> ConsoleState {
        ConsoleState(width: 120, height: 40, readOnly: true, now: Fixture.now,
                     timeZone: TimeZone(identifier: "UTC")!, rule: Fixture.rule, catalog: Fixture.catalog)
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

    @Test("the rule screen says which version runs and what the other would change")
    func versions() throws {
        func text(_ rule: CompiledRule) -> String {
            let state = ConsoleState(width: 200, height: 40, readOnly: true, now: Fixture.now,
                                     timeZone: TimeZone(identifier: "UTC")!, rule: rule, catalog: Fixture.catalog)
            // The words of the screen, wrapped lines joined again.
            return RuleView.lines(state, width: 200, theme: Theme(color: false)).map { $0.runs.map(\.text).joined() }
                .joined(separator: " ").split(separator: " ").joined(separator: " ")
        }
        let query = text(Fixture.rule)
        #expect(query.contains("103 active: alerts once per matching event. 108 would change type query → new_terms, "
            + "risk 73 → 47, severity high → medium, and alert once per host per 5 days (new source.ip values only)"))
        #expect(!query.contains("New terms"))
        let newTerms = text(try CompiledRule(DetectionRule.bundled(version: 108)))
        #expect(newTerms.contains("108 active: alerts once per host per 5 days (new source.ip values only). "
            + "103 would change type new_terms → query, risk 47 → 73, severity medium → high, and alert once per "
            + "matching event; switch with smbtriage rule use 103."))
        #expect(newTerms.contains("source.ip not seen from now-5d to the window's start; at most 500 values per execution"))
    }
}
