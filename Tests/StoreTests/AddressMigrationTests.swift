import BundledRules
import Detection
import Foundation
import GRDB
@testable import Store
import Synchronization
import Testing
import TriageModel

@Suite("Upgrading a store to family-tagged addresses (v18)")
struct AddressMigrationTests {
    private let host = IPAddress("10.0.0.1")!

    /// The BLOB columns of every table but the event's fingerprint, fields and record (so a
    /// column the migration's list missed is seen too): each value's length, by table and column.
    private func addressLengths(_ path: String) throws -> [String: Set<Int>] {
        try DatabaseQueue(path: path).read { db in
            var lengths: [String: Set<Int>] = [:]
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            for table in tables {
                let columns = try String.fetchAll(db, sql: """
                    SELECT name FROM pragma_table_info(?) WHERE type = 'BLOB' AND name NOT IN ('fingerprint', 'fields', 'original', 'data')
                    """, arguments: [table])
                for column in columns {
                    let found = try Int.fetchAll(db, sql: "SELECT DISTINCT length(\(column)) FROM \(table) WHERE \(column) IS NOT NULL")
                    lengths["\(table).\(column)"] = Set(found)
                }
            }
            return lengths
        }
    }

    @Test func everyAlertNoteCaseExceptionAndHostSurvivesInTheShorterForm() throws {
        let fixture = try StoreFixture()
        var records = (1...300).map { smbEvent("10.0.\($0 % 3).1", "8.8.\($0 / 250).\($0 % 250 + 1)", line: $0) }
        records.append(smbEvent("192.168.1.1", "2001:db8::8", line: 400))
        records.append(smbEvent("fd00::5", "2001:db8::9", line: 401))
        var listed = smbEvent("10.0.0.1", "8.8.8.8", line: 402)
        listed.event.sourceIPs.append(IPAddress("2001:db8::1")!)
        records.append(listed)
        try fixture.store.insert(records, ingestedAt: baseTime)
        try StoreSnapshot.triage(fixture.store, host: host)
        _ = try fixture.store.addCaseNote(to: host, text: "seen before", actor: "ana")
        try fixture.store.setCaseGuideStep(of: host, step: 1, checked: true, actor: "ana")
        _ = try fixture.store.prune(at: baseTime + 400 * 86_400, actor: "ana")
        let before = try StoreSnapshot(fixture.store, host: host)
        let hosts = try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100).rows
        let hostCase = try fixture.store.hostCase(host)
        #expect(before.alerts.count > 100 && hosts.count == 5)

        try DatabaseQueue(path: fixture.path).write { db in try rollBackToVersion17(db) }
        #expect(try addressLengths(fixture.path).values.allSatisfy { $0.isSubset(of: [0, 16, 32]) })
        let reports = Mutex<[(Int, Int)]>([])
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled()) { done, total in
            reports.withLock { $0.append((done, total)) }
        }
        #expect(try StoreSnapshot(upgraded, host: host) == before)
        #expect(try upgraded.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100).rows == hosts)
        #expect(try upgraded.hostCase(host) == hostCase)
        let (stored, lone) = try DatabaseQueue(path: fixture.path).read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE connection_id IS NULL"))
        }
        // v18's report, then v21's (its one-record connections made lone records again), then v23's
        // (the lone records' hours counted), then v24's (the records moved into blocks).
        #expect(reports.withLock { $0.map { [$0.0, $0.1] } } == [[stored, stored], [lone, lone], [lone, lone], [stored, stored]])
        let lengths = try addressLengths(fixture.path)
        #expect(lengths.values.allSatisfy { $0.isSubset(of: [0, 5, 17, 22]) }, "\(lengths)")
        #expect(lengths["host.address"] == [5, 17] && lengths["event.source_ips"] == [22])
        #expect(try DatabaseQueue(path: fixture.path).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == SMBStore.schemaVersion)
    }
}
