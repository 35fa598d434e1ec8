import BundledRules
import Foundation
import GRDB
import Store
import Testing
import TriageModel

/// A damaged store is named as such, and nothing more is written to it.
@Suite("Damaged stores")
struct StoreDamageTests {
    /// Overwrites the root page of `table` with 16 KiB of garbage (after moving the WAL into the file).
    private func damage(_ table: String, in path: String) throws {
        let (root, pageSize) = try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            let root = try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = ?", arguments: [table]) ?? 0
            return (root, try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 16_384))
        try handle.close()
    }

    @Test func aSoundStorePassesTheIntegrityCheck() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        #expect(try fixture.store.integrityProblems() == [])
        #expect(try fixture.store.integrityProblems(quick: true) == [])
    }

    @Test func damageIsReportedAndStopsEveryLaterWrite() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        try damage("host", in: fixture.path)
        let store = try SMBStore(path: fixture.path, rules: .bundled())
        #expect(throws: StoreError.corrupt(path: fixture.path)) {
            try store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 10)
        }
        // The audit table is intact, yet the store takes no more writes.
        #expect(throws: StoreError.corrupt(path: fixture.path)) {
            try store.saveCheckpoint(FileCheckpoint(path: "/var/log/conn.log", device: 1, inode: 2, offset: 3, line: 4))
        }
        #expect(try SMBStore(path: fixture.path, readOnly: true, rules: .bundled()).integrityProblems().isEmpty == false)
    }

    /// Nothing deletes `alert_rule` rows, but an alert whose rule row is gone still reads (rather
    /// than trapping on a NULL rule), and says its rule is missing.
    @Test func anAlertWhoseRuleRowIsGoneStillReads() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        try fixture.store.runExecution(at: baseTime)
        try DatabaseQueue(path: fixture.path).write { db in try db.execute(sql: "DELETE FROM alert_rule") }
        let alerts = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10).rows
        #expect(alerts.map(\.ruleName) == ["(rule row missing)"])
        #expect(alerts.map(\.ruleID) == [""])
        #expect(alerts.first?.reason.hasSuffix("created alert (rule row missing).") == true)
        let connections = try fixture.store.connectionAlerts(AlertQuery(), reversed: false, offset: 0, limit: 10)
        #expect(connections.rows.map(\.reason) == alerts.map(\.reason))
    }

    @Test func theMessageSaysWhatToDo() {
        let message = StoreError.corrupt(path: "/data/s.db").description
        #expect(message.contains("smbtriage store check"))
        #expect(message.contains("backup"))
    }
}
