@testable import Console
import Detection
import Testing

@Suite("rule data the console derives")
struct RuleDataTests {
    @Test("the excluded destination blocks come from the rule's query, IPv4 and IPv6")
    func excludedDestinations() {
        let excluded = ExcludedDestinations(rule: Fixture.rule)
        #expect(excluded.prefixes.count == 26)
        #expect(excluded.contains(IPAddress("203.0.113.5")!))
        #expect(excluded.contains(IPAddress("fe80::1")!))
        #expect(excluded.contains(IPAddress("::1")!))
        #expect(!excluded.contains(IPAddress("8.8.8.8")!))
        #expect(!excluded.contains(IPAddress("2001:4860::8888")!))
    }

    @Test("coverage notes name the required fields, the look-back and the cap")
    func coverage() {
        let notes = RuleCoverage.notes(for: Fixture.rule).joined(separator: "\n")
        #expect(notes.contains("destination.port (long)"))
        #expect(notes.contains("now-9m every 5m on event.ingested"))
        #expect(notes.contains("at most 100 alerts"))
    }
}
