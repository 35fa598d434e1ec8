import BundledRules
import Detection
import Foundation
import GRDB
@testable import Store
import Testing
import TriageModel

@Suite("Alert rows pointing to their rule, reasons kept as their event's part (v17)")
struct AlertRuleMigrationTests {
    private let host = IPAddress("10.0.0.1")!

    /// Alerts of every reason shape: with and without a source port, a user (with a control
    /// character) and a sensor, on three connections.
    private func events() -> [IngestedEvent] {
        var plain = (1...3).map { smbEvent("10.0.0.1", "8.8.8.\($0)", at: baseTime.addingTimeInterval(Double($0)), line: $0) }
        plain[1].event.userName = "ana\u{1B}[31mx"
        plain[1].event.observerHostName = "sensor-ü"
        plain[2].event.sourcePort = nil
        return plain
    }

    /// Everything shown of the host's alerts: the alerts, their connection rows and a search
    /// through the reasons of those rows.
    private struct ShownAlerts: Equatable {
        var snapshot: StoreSnapshot
        var connections: ConnectionPage
        var reasonMatches: [Int]

        init(_ store: SMBStore, host: IPAddress) throws {
            snapshot = try StoreSnapshot(store, host: host)
            connections = try store.connectionAlerts(AlertQuery(host: host), reversed: false, offset: 0, limit: 100)
            reasonMatches = try store.connectionPositions(AlertQuery(host: host), matching: "by ana", reversed: false)
        }
    }

    private func columns(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('alert')")
        }
    }

    @Test func aNewAlertKeepsOnlyItsEventsPartOfTheReasonAndSharesItsRuleRow() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert(events(), ingestedAt: baseTime)
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        let alerts = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10).rows
        #expect(alerts.count == 3)
        let rule = try RuleCatalog.bundled().defaultRule.rule
        let reasons = Set(alerts.map(\.reason))
        #expect(reasons.count == 3 && reasons.allSatisfy {
            $0.hasPrefix("network event with source 10.0.0.1") && $0.hasSuffix(", created \(rule.severity) alert \(rule.name).")
        })
        #expect(reasons.contains { $0.contains(", by ana\u{1B}[31mx, on sensor-ü, created") })
        #expect(reasons.contains { $0.contains("source 10.0.0.1, destination 8.8.8.3:445, created") })
        // A host's connection rows and the search through them read the same whole reasons.
        let rows = try fixture.store.connectionAlerts(AlertQuery(host: host), reversed: false, offset: 0, limit: 10).rows
        #expect(Set(rows.map(\.reason)) == reasons)
        #expect(try fixture.store.connectionPositions(AlertQuery(host: host), matching: "network event with source",
                                                      reversed: false).count == 3)
        #expect(try fixture.store.connectionPositions(AlertQuery(host: host), matching: "alert \(rule.name).",
                                                      reversed: false).count == 3)
        let (rules, stored) = try DatabaseQueue(path: fixture.path).read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert_rule"),
             try String.fetchAll(db, sql: "SELECT reason FROM alert WHERE reason_is_detail"))
        }
        #expect(rules == 1)
        #expect(stored.count == 3 && stored.allSatisfy { !$0.contains("network event") && !$0.contains(rule.name) })
    }

    @Test func everyAlertNoteCaseExceptionAndShownFieldSurvivesTheUpgrade() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert(events(), ingestedAt: baseTime)
        try StoreSnapshot.triage(fixture.store, host: host)
        let before = try ShownAlerts(fixture.store, host: host)
        #expect(before.snapshot.alerts.count == 3 && before.connections.rows.count == 3 && before.reasonMatches.count == 1)
        try DatabaseQueue(path: fixture.path).write { db in
            try rollBackToVersion17(db)
            try db.execute(sql: rollbackToVersion16)
        }
        #expect(try columns(fixture.path).contains("rule_name"))
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled())
        #expect(try ShownAlerts(upgraded, host: host) == before)
        let (version, shortened) = try DatabaseQueue(path: fixture.path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert WHERE reason_is_detail"))
        }
        #expect(version == 21 && shortened == 3)
        let alertColumns = try columns(fixture.path)
        #expect(alertColumns.contains("rule_key") && !alertColumns.contains("rule_name") && !alertColumns.contains("severity"))
    }

    @Test func aReasonOfAnotherShapeOrAnotherRuleIsKeptWhole() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert(events(), ingestedAt: baseTime)
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        let ids = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10).rows.map(\.id).sorted()
        let custom = "written by an older build"
        try DatabaseQueue(path: fixture.path).write { db in
            try rollBackToVersion17(db)
            try db.execute(sql: rollbackToVersion16)
            try db.execute(sql: "UPDATE alert SET reason = ? WHERE id = ?", arguments: [custom, ids[0]])
            try db.execute(sql: "UPDATE alert SET rule_name = 'Renamed', severity = 'high' WHERE id = ?", arguments: [ids[1]])
        }
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled())
        let alerts = Dictionary(uniqueKeysWithValues: try upgraded.alerts(AlertQuery(), offset: 0, limit: 10).rows.map { ($0.id, $0) })
        #expect(alerts[ids[0]]?.reason == custom)
        let renamed = try #require(alerts[ids[1]])
        #expect(renamed.ruleName == "Renamed" && renamed.severity == "high")
        let rule = try RuleCatalog.bundled().defaultRule.rule
        #expect(renamed.reason.hasSuffix(", created \(rule.severity) alert \(rule.name)."))
        let (rules, whole) = try DatabaseQueue(path: fixture.path).read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert_rule"),
             try Int64.fetchAll(db, sql: "SELECT id FROM alert WHERE NOT reason_is_detail ORDER BY id"))
        }
        #expect(rules == 2 && whole == [ids[0], ids[1]])
    }
}
