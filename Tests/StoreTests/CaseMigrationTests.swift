import BundledRules
import Detection
import Foundation
import GRDB
@testable import Store
import Testing
import TriageModel

@Suite("Upgrading a version 6 store to cases (v7)")
struct CaseMigrationTests {
    /// A store exactly as the previous release (schema v6) made it, holding two hosts' alerts
    /// (three on 10.0.0.1, one on 10.0.0.2), per-alert guide ticks, a note, an exception and an
    /// audit entry.
    private func versionSixStore() throws -> StoreFixture {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("v6.db").path
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator().migrate(queue, upTo: "v6")
        try queue.write { db in
            try db.execute(sql: "PRAGMA application_id = \(SMBStore.applicationID)")
            let first = IPAddress("10.0.0.1")!.mappedBytes, second = IPAddress("10.0.0.2")!.mappedBytes
            let destination = IPAddress("8.8.8.8")!.mappedBytes
            try db.execute(sql: """
                INSERT INTO host (address, address_text, first_seen, last_seen, flows, external_destinations,
                                  bytes_out, open_alerts, acknowledged_alerts, closed_alerts, highest_risk)
                VALUES (?, '10.0.0.1', 0, 10, 3, 1, 300, 1, 1, 1, 73), (?, '10.0.0.2', 0, 10, 1, 1, 100, 1, 0, 0, 73);
                INSERT INTO execution (id, ran_at, window_start, window_end, matched, alerted) VALUES (1, 20, 0, 20, 4, 4);
                """, arguments: [first, second])
            for (id, host) in [(1, first), (2, first), (3, first), (4, second)] {
                try db.execute(sql: """
                    INSERT INTO event (id, fingerprint, seen_at, ingested_at, is_external, origin_path, origin_line,
                                       origin_format, original, source_ip, destination_ip, destination_port)
                    VALUES (?, ?, ?, 15, 1, '/logs/conn.log', ?, 'zeek-json', '{}', ?, ?, 445)
                    """, arguments: [id, Data(repeating: UInt8(id), count: 16), Double(id), id, host, destination])
                let status = ["open", "acknowledged", "closed", "open"][id - 1]
                try db.execute(sql: """
                    INSERT INTO alert (id, uuid, event_id, execution_id, host, destination, seen_at, status, close_reason,
                                       created_at, updated_at, rule_id, rule_name, severity, risk_score, reason,
                                       rule_version)
                    VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, 20, 20, 'rule', 'SMB', 'high', 73, 'reason', 103)
                    """, arguments: [id, "uuid-\(id)", id, host, destination, Double(id), status,
                                     status == "closed" ? "false positive" : nil])
            }
            try db.execute(sql: """
                INSERT INTO alert_guide_step (alert_id, step) VALUES (1, 0), (1, 2), (2, 2), (3, 4), (4, 1);
                INSERT INTO alert_note (alert_id, author, created_at, text) VALUES (2, 'ana', 30, 'asked the owner');
                INSERT INTO exception_item (id, name, comment, author, created_at, entries)
                VALUES ('backup', 'backup', 'Azure Files', 'ana', 30, '[]');
                INSERT INTO audit (at, actor, action, target, detail) VALUES (30, 'ana', 'guide.check', 'uuid-1', 'step 1');
                """)
        }
        try queue.close()
        return fixture
    }

    @Test func perAlertTicksFoldIntoEachHostsCaseAndNothingIsLost() throws {
        let fixture = try versionSixStore()
        let path = fixture.directory.appendingPathComponent("v6.db").path
        let store = try SMBStore(path: path, rules: .bundled())
        let first = try #require(try store.hostCase(IPAddress("10.0.0.1")!))
        #expect(first.checkedGuideSteps == [0, 2, 4])
        #expect(first.state == .new && first.verdict == nil && first.notes.isEmpty && first.alertNotes == 1)
        #expect((first.openAlerts, first.acknowledgedAlerts, first.closedAlerts) == (1, 1, 1))
        #expect(try store.hostCase(IPAddress("10.0.0.2")!)?.checkedGuideSteps == [1])

        let alerts = try store.alerts(AlertQuery(), offset: 0, limit: 10).rows.sorted { $0.id < $1.id }
        #expect(alerts.map(\.status) == [.open, .acknowledged, .closed, .open])
        #expect(alerts.map(\.closeReason) == [nil, nil, "false positive", nil])
        #expect(alerts.map(\.checkedGuideSteps) == [[0, 2, 4], [0, 2, 4], [0, 2, 4], [1]])
        #expect(try store.notes(alertID: 2).map(\.text) == ["asked the owner"])
        #expect(try store.exceptions().map(\.id) == ["backup"])
        #expect(try store.audit(limit: 10).map(\.action) == ["guide.check"])
        let (version, keepsAlertTicks) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"), try db.tableExists("alert_guide_step"))
        }
        #expect(version == StoreSchema.version && !keepsAlertTicks)
        // The upgraded store takes case changes.
        try store.setCaseState(of: IPAddress("10.0.0.1")!, to: .resolved, verdict: .duplicate, reason: nil, actor: "ana")
        #expect(try store.hostCase(IPAddress("10.0.0.1")!)?.closedAlerts == 3)
    }
}
