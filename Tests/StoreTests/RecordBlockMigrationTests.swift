import Detection
import Foundation
import GRDB
@testable import Store
import Synchronization
import Testing
import TriageModel

/// A store the previous schema made (v23: each record compressed alone in its row) is upgraded to
/// record blocks (v24) with every record, alert, note, case and exception as it was.
@Suite("Records moved into blocks by the upgrade (v24)")
struct RecordBlockMigrationTests {
    private static let host = IPAddress("10.0.0.5")!

    /// 40 flows of the host, their records of two formats in runs of 1 to 4, every third flow to
    /// an external address (alerted), alerted and triaged.
    private func populated() throws -> StoreFixture {
        let fixture = try StoreFixture()
        let events = (0..<40).map { index in
            var event = smbEvent("10.0.0.5", index % 3 == 0 ? "8.8.8.8" : "10.0.0.9",
                                 at: baseTime.addingTimeInterval(Double(index)), line: index)
            let format = (index / (index % 4 + 1)).isMultiple(of: 2) ? "zeek-json" : "ecs"
            event.origin = RecordOrigin(path: "/logs/\(format)", line: index, format: format,
                                        original: "{\"n\":\(index),\"format\":\"\(format)\"}\r\n")
            return event
        }
        #expect(try fixture.store.insert(events, ingestedAt: baseTime).inserted == 40)
        try StoreSnapshot.triage(fixture.store, host: Self.host)
        return fixture
    }

    private func blocks(_ path: String) throws -> (blocks: Int, live: Int, pointing: Int, own: Int) {
        try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record_block") ?? -1,
             try Int.fetchOne(db, sql: "SELECT SUM(live) FROM record_block") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE record_ref IS NOT NULL") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE length(original) > 0") ?? -1)
        }
    }

    @Test func aStoreOfRecordsAloneKeepsEveryRecordAndTriageThroughTheUpgrade() throws {
        let fixture = try populated()
        let before = try StoreSnapshot(fixture.store, host: Self.host)
        #expect(before.alerts.count >= 2 && before.history.count == 40)
        try DatabaseQueue(path: fixture.path).write { db in
            try rollBackRecordBlocks(db)
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 23)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE length(original) > 1") == 40)
        }
        let reports = Mutex<[[Int]]>([])
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled()) { done, total in
            reports.withLock { $0.append([done, total]) }
        }
        #expect(upgraded.upgradedFromVersion == 23)
        #expect(reports.withLock { $0 } == [[40, 40]])
        // The upgrade's WAL is copied into the file and truncated, not left on disk for the next write.
        let wal = try FileManager.default.attributesOfItem(atPath: fixture.path + "-wal")[.size] as? Int
        #expect(wal == 0)
        #expect(try StoreSnapshot(upgraded, host: Self.host) == before)
        let history = try upgraded.history(of: Self.host, offset: 0, limit: 100).rows
        #expect(history.map { Array($0.origin.original.utf8) } == before.history.map { Array($0.origin.original.utf8) })
        let counts = try blocks(fixture.path)
        let formats = try DatabaseQueue(path: fixture.path).read { db in
            try Int.fetchAll(db, sql: """
                SELECT COUNT(*) FROM event e JOIN origin_file o ON o.id = e.origin_id GROUP BY o.format ORDER BY o.format
                """)
        }
        // Each format's records in blocks of 16 of their own, in id order.
        let expectedBlocks = formats.map { ($0 + RecordBlock.capacity - 1) / RecordBlock.capacity }.reduce(0, +)
        #expect(counts.blocks == expectedBlocks && counts.live == 40 && counts.pointing == 40 && counts.own == 0)
        #expect(try upgraded.integrityProblems().isEmpty)
        #expect(try upgraded.countMismatches().isEmpty)
        // The upgraded store goes on storing in blocks, after the upgrade's.
        try upgraded.insert([smbEvent("10.0.0.5", "10.0.0.9", at: baseTime.addingTimeInterval(100), line: 100)],
                            ingestedAt: baseTime)
        #expect(try blocks(fixture.path).blocks == expectedBlocks + 1)
        #expect(try upgraded.history(of: Self.host, offset: 0, limit: 1).rows.first?.origin.line == 100)
    }

    /// A row whose record does not read back (a damaged page) keeps its value as it was, and reads
    /// as unreadable as before; the other rows move into blocks.
    @Test func aDamagedRecordStaysInItsRow() throws {
        let fixture = try populated()
        try DatabaseQueue(path: fixture.path).write { db in
            try rollBackRecordBlocks(db)
            try db.execute(sql: "UPDATE event SET original = x'01ff00' WHERE id = 3")
        }
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled())
        let counts = try blocks(fixture.path)
        #expect(counts.live == 39 && counts.pointing == 39 && counts.own == 1)
        let flows = try upgraded.history(of: Self.host, reversed: true, offset: 0, limit: 100).rows
        #expect(flows.filter { $0.origin.original == StoredRecord.unreadable }.map(\.id) == [3])
    }

    /// The upgrade's batches meet at any row: 7 rows a batch over ids with gaps (pruned flows),
    /// the last batch full (a row at a batch multiple, nothing left for another), one report a
    /// batch; each record stays byte for byte in a block of its batch's.
    @Test func batchesOfSevenOverPrunedIDsKeepEveryRecord() throws {
        let fixture = try StoreFixture()
        try fixture.store.setRetentionPolicy(RetentionPolicy(flowDays: 1, closedAlertDays: 1, auditDays: 730), actor: "ana")
        let later = baseTime.addingTimeInterval(2 * 86_400)
        // Ids 1 to 40; 12 old ones (2, 5, 9, 12, …) pruned: 28 rows left, 4 batches of 7.
        let pruned: Set<Int> = [2, 5, 9]
        let events = (1...40).map { id in
            var event = smbEvent("10.0.0.5", "10.0.0.9",
                                 at: (pruned.contains(id % 10) ? baseTime : later).addingTimeInterval(Double(id)), line: id)
            let format = (id / 3).isMultiple(of: 2) ? "zeek-json" : "ecs"
            event.origin = RecordOrigin(path: "/logs/\(format)", line: id, format: format,
                                        original: "{\"n\":\(id),\"format\":\"\(format)\"}\r\n")
            return event
        }
        #expect(try fixture.store.insert(events, ingestedAt: baseTime).inserted == 40)
        #expect(try fixture.store.prune(at: later, actor: "ana").flows == 12)
        let before = try fixture.store.history(of: Self.host, offset: 0, limit: 100).rows
        let reports = Mutex<[[Int]]>([])
        let (ids, formats) = try DatabaseQueue(path: fixture.path).write { db in
            try rollBackRecordBlocks(db)
            try RecordBlockCompaction.run(db, progress: { done, total in reports.withLock { $0.append([done, total]) } },
                                          batchSize: 7)
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v24'); PRAGMA user_version = 24")
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.id, o.format FROM event e JOIN origin_file o ON o.id = e.origin_id ORDER BY e.id
                """)
            return (rows.map { $0[0] as Int }, rows.map { $0[1] as String })
        }
        #expect(ids.count == 28 && ids.contains(7) && ids.contains(14) && ids.contains(28))
        #expect(reports.withLock { $0 } == [[7, 28], [14, 28], [21, 28], [28, 28]])
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled())
        let after = try upgraded.history(of: Self.host, offset: 0, limit: 100).rows
        #expect(after.map(\.id) == before.map(\.id))
        #expect(after.map { Array($0.origin.original.utf8) } == before.map { Array($0.origin.original.utf8) })
        // A block per format of each batch: none spans two batches.
        let expectedBlocks = stride(from: 0, to: 28, by: 7).map { Set(formats[$0..<$0 + 7]).count }.reduce(0, +)
        let counts = try blocks(fixture.path)
        #expect(counts.blocks == expectedBlocks && counts.live == 28 && counts.pointing == 28 && counts.own == 0)
        #expect(try upgraded.countMismatches().isEmpty)
    }
}
