import BundledRules
import Detection
import Foundation
import Store
import Testing
import TriageModel

/// The queue holds only what the store rule's query matched: these are the paths where that
/// could lose a match.
@Suite("Detection candidates")
struct CandidateQueueTests {
    /// The bundled rule with its query narrowed by `clause`.
    private func rule(_ fixture: StoreFixture, and clause: String) throws -> CompiledRule {
        var rule = fixture.rule.rule
        rule.query = "(\(rule.query)) and \(clause)"
        return try CompiledRule(rule)
    }

    @Test func aLaterPacketbeatReportTheQueryMatchesIsQueuedWhenTheEarlierOneWasNot() throws {
        let fixture = try StoreFixture()
        let endsOnly = try rule(fixture, and: "event.type:end")
        let store = try SMBStore(path: fixture.directory.appendingPathComponent("ends.db").path, rules: RuleCatalog(endsOnly))
        let intermediate = packetbeatReport(flowID: "EE", at: baseTime, bytesOut: 100, isFinal: false, line: 1)
        try store.insert([intermediate], ingestedAt: baseTime)
        #expect(try store.runExecution(at: baseTime).matched == 0)
        let final = packetbeatReport(flowID: "EE", at: baseTime.addingTimeInterval(20), bytesOut: 500, isFinal: true,
                                     line: 2)
        #expect(try store.insert([final], ingestedAt: baseTime.addingTimeInterval(30)) == InsertResult(updated: 1))
        let execution = try store.runExecution(at: baseTime.addingTimeInterval(30))
        #expect(execution.alerted == 1)
        #expect(try store.alerts(AlertQuery(), offset: 0, limit: 10).rows.map(\.flow.event.sourceBytes) == [500])
    }

    @Test func afterTheQueryChangesTheWindowIsEvaluatedAgainWithTheNewOne() throws {
        let fixture = try StoreFixture()
        let neverMatching = try rule(fixture, and: "destination.port:1")
        let path = fixture.directory.appendingPathComponent("upgraded.db").path
        let before = try SMBStore(path: path, rules: RuleCatalog(neverMatching))
        try before.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime.addingTimeInterval(-3600))
        try before.insert((2...4).map { smbEvent("10.0.0.\($0)", "8.8.8.8", line: $0) }, ingestedAt: baseTime)
        #expect(try before.runExecution(at: baseTime).matched == 0)

        // The next version's rule: what its look-back window holds is alerted, older events are not.
        let after = try SMBStore(path: path, rules: .bundled())
        let first = try after.runExecution(at: baseTime.addingTimeInterval(60))
        #expect(first.alerted == 3)
        let second = try after.runExecution(at: baseTime.addingTimeInterval(120))
        #expect(second.matched == 0)
        let alerted = try after.alerts(AlertQuery(), offset: 0, limit: 10).rows.map(\.flow.event.sourceIPs)
        #expect(Set(alerted.flatMap { $0 }) == Set((2...4).map { IPAddress("10.0.0.\($0)")! }))
    }
}
