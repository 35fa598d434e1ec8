import BundledRules
import Detection
import Foundation
import GRDB
import Store
import Testing
import TriageModel

@Suite("Choosing the rule version")
struct RuleVersionTests {
    @Test func choosingAVersionIsAuditedAndPersists() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.activeRuleVersion() == 103)
        #expect(try fixture.store.setActiveRuleVersion(108, actor: "ana", at: baseTime))
        #expect(try !fixture.store.setActiveRuleVersion(108, actor: "ana", at: baseTime))
        #expect(try SMBStore(path: fixture.path, readOnly: true, rules: .bundled()).activeRuleVersion() == 108)
        #expect(try fixture.store.activeRule().rule.version == 108)
        let audit = try fixture.store.audit(limit: 10)
        #expect(audit.map(\.action) == ["rule.use"])
        #expect(audit.first?.actor == "ana")
        #expect(audit.first?.detail.hasPrefix("version 103 → 108") == true)
        #expect(throws: StoreError.notFound("rule version 104")) {
            try fixture.store.setActiveRuleVersion(104, actor: "ana")
        }
    }

    @Test func switchingKeepsAlertsAndHandsPendingMatchesToTheNewVersion() throws {
        let fixture = try StoreFixture()
        let events = (1...3).map { smbEvent("10.0.0.1", "8.8.8.\($0)", line: $0) }
        try fixture.store.insert(events, ingestedAt: baseTime)
        let versions = [try fixture.rule(maxSignals: 1), try #require(fixture.store.rules.rule(version: 108))]
        let capped = try fixture.store(running: RuleCatalog(versions, defaultVersion: 103))
        #expect(try capped.runExecution(at: baseTime).pending == 2)
        try capped.setActiveRuleVersion(108, actor: "ana", at: baseTime.addingTimeInterval(60))
        // 108 decides the two matches again: their host is already alerted in its window, so no
        // second alert; the 103 alert stays, with its version.
        let record = try capped.runExecution(at: baseTime.addingTimeInterval(60))
        #expect(record.alerted == 0 && record.pending == 0 && record.matched == 2)
        let alerts = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10).rows
        #expect(alerts.map(\.ruleVersion) == [103])
    }

    @Test func upgradingAVersion3StoreMakesItsAlerts103s() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        try fixture.store.runExecution(at: baseTime)
        // What a version 3 store looks like: no rule versions and no retention tables.
        try DatabaseQueue(path: fixture.path).write { db in try rollBack(db, rollbackToVersion3) }
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled())
        let alerts = try upgraded.alerts(AlertQuery(), offset: 0, limit: 10).rows
        #expect(alerts.map(\.ruleVersion) == [103])
        #expect(alerts.map(\.riskScore) == [73])
        #expect(try upgraded.activeRuleVersion() == 103)
        #expect(try DatabaseQueue(path: fixture.path).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 21)
    }
}
