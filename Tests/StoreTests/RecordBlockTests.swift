import Detection
import Foundation
import GRDB
@testable import Store
import Synchronization
import Testing
import TriageModel

/// Original records stored in compressed blocks of up to 16 records of one format (v24): every
/// record reads back byte for byte, a block is written once a row points into it and goes with
/// the last row that does, and a damaged block reads as unreadable.
@Suite("Original records stored in blocks (v24)")
struct RecordBlockTests {
    private static let host = IPAddress("10.0.0.5")!

    /// The records of a fixture file (lines as the file has them: a CRLF file's keep their CR),
    /// named by the format its reader maps.
    private static let fixtures: [(format: String, file: String)] = [
        ("ecs", "../demo-data/packetbeat/flows.ndjson"), ("panos", "IngestTests/Formats/Fixtures/panos-traffic.csv"),
        ("suricata", "IngestTests/Formats/Fixtures/suricata-eve.json"),
        ("sysmon", "IngestTests/Formats/Fixtures/sysmon-winlogbeat8.ndjson"),
        ("zeek-tsv", "IngestTests/Formats/Fixtures/zeek-conn.log"),
        ("zeek-json", "IngestTests/Formats/Fixtures/zeek-json-nested.ndjson"),
        ("pcap", "IngestTests/Formats/Fixtures/zeek-json-ascii.ndjson"),
        ("a format with no dictionary", "IngestTests/Formats/Fixtures/zeek-mixed.log"),
    ]

    private static func lines(of file: String) throws -> [String] {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: tests.appendingPathComponent(file))
        return data.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// An SMB flow of the host whose record is `original`, a record of `format`.
    private static func event(_ index: Int, original: String, format: String, destination: String = "10.0.0.9",
                              at time: Date = baseTime) -> IngestedEvent {
        var event = smbEvent("10.0.0.5", destination, at: time.addingTimeInterval(Double(index)), line: index)
        event.origin = RecordOrigin(path: "/logs/\(format)", line: index, format: format, original: original)
        return event
    }

    private static func history(_ store: SMBStore) throws -> [String] {
        try store.history(of: host, reversed: true, offset: 0, limit: 100_000).rows.map(\.origin.original)
    }

    /// (blocks, the rows they count, the rows pointing into a block, rows with a record of their own).
    private static func blockCounts(_ path: String) throws -> [Int] {
        try DatabaseQueue(path: path).read { db in
            try [Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record_block"),
                 Int.fetchOne(db, sql: "SELECT coalesce(SUM(live), 0) FROM record_block"),
                 Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE record_ref IS NOT NULL"),
                 Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE length(original) > 0")].map { $0 ?? -1 }
        }
    }

    @Test(arguments: fixtures)
    func everyFixtureFormatsRecordsReadBackExactlyFromBlocks(format: String, file: String) throws {
        let records = try Self.lines(of: file)
        #expect(records.count > 1)
        let compressor = RecordCompressor()
        for start in stride(from: 0, to: records.count, by: RecordBlock.capacity) {
            let block = records[start..<min(start + RecordBlock.capacity, records.count)]
            let stored = RecordBlock(block, dictionary: RecordDictionary(format: format), compressor: compressor)
            #expect(stored.data.first == RecordDictionary(format: format).rawValue)
            let read = try #require(StoredRecord.decompressed(stored.data).flatMap(RecordBlock.records(inContent:)))
            #expect(read.map { Array($0.utf8) } == block.map { Array($0.utf8) })
        }
    }

    /// Through the store: records of several formats one after another (blocks of one format
    /// each), CR and CRLF inside a record, text repaired from invalid UTF-8 as the reader hands
    /// it over, a 0.9 MB record (a block of its own) and a record alone in its block.
    @Test func storedRecordsReadBackByteForByte() throws {
        let fixture = try StoreFixture()
        let ecs = try Self.lines(of: Self.fixtures[0].file)
        let large = String(repeating: ecs[0], count: 900_000 / ecs[0].utf8.count)
        let texts: [(String, String)] = ecs.prefix(20).map { ($0, "ecs") }
            + [("1796023980.883\tC1\t10.0.0.5\r\n\t445\r", "zeek-tsv"),
               (String(decoding: [0x7B, 0xFF, 0xC3, 0x28, 0x22, 0xE2, 0x82, 0x7D], as: UTF8.self), "zeek-tsv"),
               (large, "ecs"), (ecs[20], "ecs"), ("", "suricata"), ("é ∑ \u{202E} \u{1F600}\0", "ecs")]
        let events = texts.enumerated().map { Self.event($0.offset, original: $0.element.0, format: $0.element.1) }
        #expect(try fixture.store.insert(events, ingestedAt: baseTime).inserted == texts.count)
        #expect(try Self.history(fixture.store).map { Array($0.utf8) } == texts.map { Array($0.0.utf8) })
        // ecs 16 + 4, zeek-tsv 2, the large record, ecs 1, suricata 1, ecs 1: 7 blocks.
        #expect(try Self.blockCounts(fixture.path) == [7, texts.count, texts.count, 0])
    }

    /// A block of a batch whose rows were all duplicates is never written; a duplicate's slot in
    /// a written block is not counted.
    @Test func duplicatesAreNotCountedAndABlockOfThemAloneIsNotWritten() throws {
        let fixture = try StoreFixture()
        let events = (0..<20).map { Self.event($0, original: "{\"n\":\($0)}", format: "ecs") }
        try fixture.store.insert(Array(events[0..<10]), ingestedAt: baseTime)
        #expect(try Self.blockCounts(fixture.path) == [1, 10, 10, 0])
        #expect(try fixture.store.insert(Array(events[0..<10]), ingestedAt: baseTime).duplicates == 10)
        #expect(try Self.blockCounts(fixture.path) == [1, 10, 10, 0])
        // Slots 0…9 of this batch's first block are duplicates, as is one within the batch.
        let mixed = Array(events[0..<10]) + Array(events[10..<20]) + [events[15]]
        let stored = try fixture.store.insert(mixed, ingestedAt: baseTime)
        #expect(stored.inserted == 10 && stored.duplicates == 11)
        #expect(try Self.blockCounts(fixture.path) == [3, 20, 20, 0])
        #expect(try Self.history(fixture.store) == events.map(\.origin.original))
    }

    /// A later report of a Packetbeat flow replaces the earlier one's row and record: the earlier
    /// record's block goes with its last row, in a later batch as in the same one.
    @Test func aReplacedReportGivesUpItsSlot() throws {
        let fixture = try StoreFixture()
        let reports = (0..<3).map { packetbeatReport(flowID: "F1", at: baseTime.addingTimeInterval(Double($0) * 60),
                                                     bytesOut: 100 * Int64($0 + 1), isFinal: $0 == 2, line: $0 + 1) }
        try fixture.store.insert([reports[0]], ingestedAt: baseTime)
        #expect(try Self.blockCounts(fixture.path) == [1, 1, 1, 0])
        #expect(try fixture.store.insert([reports[1], reports[2]], ingestedAt: baseTime).updated == 2)
        #expect(try Self.blockCounts(fixture.path) == [1, 1, 1, 0])
        let flows = try fixture.store.history(of: IPAddress("10.0.0.5")!, offset: 0, limit: 10).rows
        #expect(flows.map(\.origin.original) == [reports[2].origin.original])
        #expect(try fixture.store.insert(reports, ingestedAt: baseTime).duplicates == 3)
        #expect(try Self.blockCounts(fixture.path) == [1, 1, 1, 0])
    }

    /// A prune deletes a block with its last row and keeps it while a row remains (an alerted
    /// flow, kept while its alert is open), whose record still reads back.
    @Test func aPruneDeletesABlockWithItsLastRow() throws {
        let fixture = try StoreFixture()
        try fixture.store.setRetentionPolicy(RetentionPolicy(flowDays: 1, closedAlertDays: 1, auditDays: 730), actor: "ana")
        let events = (0..<4).map { Self.event($0, original: "{\"n\":\($0)}", format: "zeek-json",
                                              destination: $0 == 2 ? "8.8.8.8" : "10.0.0.9") }
        try fixture.store.insert(events, ingestedAt: baseTime)
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        let alerts = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10).rows
        #expect(alerts.count == 1)
        #expect(try fixture.store.prune(at: baseTime.addingTimeInterval(2 * 86_400), actor: "ana").flows == 3)
        #expect(try Self.blockCounts(fixture.path) == [1, 1, 1, 0])
        #expect(try Self.history(fixture.store) == [events[2].origin.original])
        try fixture.store.setStatus(.closed, alertIDs: alerts.map(\.id), reason: "benign", actor: "ana")
        #expect(try fixture.store.prune(at: Date().addingTimeInterval(3 * 86_400), actor: "ana").flows == 1)
        #expect(try Self.blockCounts(fixture.path) == [0, 0, 0, 0])
        #expect(try fixture.store.countMismatches().isEmpty)
    }

    /// A block id is never taken twice: after a prune deleted the newest block, the next block
    /// takes a new id, so a row still pointing at the deleted one (a stale pointer) reads as
    /// unreadable, not as the new block's record.
    @Test func aPrunedBlocksIDIsNotTakenAgain() throws {
        let fixture = try StoreFixture()
        try fixture.store.setRetentionPolicy(RetentionPolicy(flowDays: 1, closedAlertDays: 1, auditDays: 730), actor: "ana")
        let later = baseTime.addingTimeInterval(2 * 86_400)
        try fixture.store.insert([Self.event(0, original: "{\"kept\":0}", format: "ecs", at: later)], ingestedAt: baseTime)
        try fixture.store.insert([Self.event(1, original: "{\"pruned\":1}", format: "ecs")], ingestedAt: baseTime)
        #expect(try fixture.store.prune(at: later, actor: "ana").flows == 1)
        try fixture.store.insert([Self.event(2, original: "{\"new\":2}", format: "ecs", at: later)], ingestedAt: baseTime)
        let ids = try DatabaseQueue(path: fixture.path).write { db in
            // A row left pointing at the pruned block 2.
            try db.execute(sql: "UPDATE event SET record_ref = 2 * 16 WHERE record_ref = 1 * 16")
            return try Int64.fetchAll(db, sql: "SELECT id FROM record_block ORDER BY id")
        }
        #expect(ids == [1, 3])
        #expect(try Self.history(fixture.store) == [StoredRecord.unreadable, "{\"new\":2}"])
    }

    /// A damaged block reads as unreadable for each of its rows, and never traps; the rows of
    /// other blocks read as stored.
    @Test(arguments: ["truncated", "a slot past its records", "lengths its text does not have", "no block"])
    func aDamagedBlockReadsAsUnreadable(damage: String) throws {
        let fixture = try StoreFixture()
        let events = (0..<18).map { Self.event($0, original: "{\"n\":\($0)}", format: "ecs") }
        try fixture.store.insert(events, ingestedAt: baseTime)
        try DatabaseQueue(path: fixture.path).write { db in
            switch damage {
            case "truncated":
                try db.execute(sql: "UPDATE record_block SET data = substr(data, 1, length(data) / 2) WHERE id = 1")
            case "a slot past its records":
                try db.execute(sql: "UPDATE event SET record_ref = record_ref + 2 WHERE record_ref = 2 * 16 + 1")
            case "lengths its text does not have":
                // Two records of 5 bytes each, then 3 bytes of text.
                let content: [UInt8] = [2, 5, 5] + Array("abc".utf8)
                let data = content.withUnsafeBytes { RecordCompressor().compress($0, dictionary: .ecs) }
                try db.execute(sql: "UPDATE record_block SET data = ? WHERE id = 1", arguments: [data])
            default:
                try db.execute(sql: "DELETE FROM record_block WHERE id = 1")
            }
        }
        let read = try Self.history(fixture.store)
        let expected = damage == "a slot past its records"
            ? events.map(\.origin.original).enumerated().map { $0.offset == 17 ? StoredRecord.unreadable : $0.element }
            : Array(repeating: StoredRecord.unreadable, count: 16) + events[16...].map(\.origin.original)
        #expect(read == expected)
    }

    /// `store check` finds blocks whose count of rows is not their rows', and `--recount` sets it
    /// from them, deleting a block no row points into.
    @Test func aCheckComparesTheBlocksCountsWithTheRows() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert((0..<20).map { Self.event($0, original: "{\"n\":\($0)}", format: "ecs") },
                                 ingestedAt: baseTime)
        #expect(try fixture.store.countMismatches().isEmpty)
        try DatabaseQueue(path: fixture.path).write { db in
            try db.execute(sql: "UPDATE record_block SET live = 3 WHERE id = 2")
            try db.execute(sql: "INSERT INTO record_block (id, live, data) VALUES (9, 1, x'00')")
        }
        let mismatches = [CountMismatch(counted: "rows of record block 2", kept: 3, actual: 4),
                          CountMismatch(counted: "rows of record block 9", kept: 1, actual: 0)]
        #expect(try fixture.store.countMismatches() == mismatches)
        #expect(try fixture.store.recount() == mismatches)
        #expect(try Self.blockCounts(fixture.path) == [2, 20, 20, 0])
        #expect(try fixture.store.countMismatches().isEmpty)
    }

    /// Rows pointing at a block that does not exist are counted (their records are lost), and
    /// stay so through `--recount`, which cannot bring them back.
    @Test func aCheckCountsTheRowsPointingAtNoBlock() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert((0..<20).map { Self.event($0, original: "{\"n\":\($0)}", format: "ecs") },
                                 ingestedAt: baseTime)
        try DatabaseQueue(path: fixture.path).write { db in try db.execute(sql: "DELETE FROM record_block WHERE id = 1") }
        let lost = [CountMismatch(counted: "rows pointing at no record block (their records are lost)",
                                  kept: 0, actual: 16, isRecountable: false)]
        #expect(try fixture.store.countMismatches() == lost)
        #expect(try fixture.store.recount() == lost)
        #expect(try fixture.store.countMismatches() == lost)
    }

    /// When more blocks are miscounted than the check names one by one, it gives the total too.
    @Test func aCheckTotalsTheMiscountedBlocksItDoesNotName() throws {
        let fixture = try StoreFixture()
        // Formats alternating: a block per record.
        try fixture.store.insert((0..<24).map { Self.event($0, original: "{\"n\":\($0)}", format: $0 % 2 == 0 ? "ecs" : "zeek-json") },
                                 ingestedAt: baseTime)
        try DatabaseQueue(path: fixture.path).write { db in try db.execute(sql: "UPDATE record_block SET live = 2 WHERE id <= 12") }
        let mismatches = try fixture.store.countMismatches()
        #expect(mismatches.map(\.counted) == (1...10).map { "rows of record block \($0)" }
            + ["rows of all 12 record blocks whose count differs"])
        #expect(mismatches.last.map { [$0.kept, $0.actual] } == [24, 12])
        try fixture.store.recount()
        #expect(try fixture.store.countMismatches().isEmpty)
    }

    /// A block read for several rows of one read is read from the store and decompressed once:
    /// the rows of a page share it.
    @Test func aReadReadsEachBlockOnce() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert((0..<20).map { Self.event($0, original: "{\"n\":\($0)}", format: "ecs") },
                                 ingestedAt: baseTime)
        let blockReads = Mutex(0)
        let queue = try DatabaseQueue(path: fixture.path)
        try queue.write { db in
            db.trace(options: .statement) { event in
                if "\(event)".hasPrefix("SELECT data FROM record_block") { blockReads.withLock { $0 += 1 } }
            }
            let reader = StoredRecordReader(db)
            let references = try Int64.fetchAll(db, sql: "SELECT record_ref FROM event ORDER BY id")
            let texts = try references.map { try reader.text(original: Data().databaseValue, reference: $0) }
            #expect(texts == (0..<20).map { "{\"n\":\($0)}" })
            #expect(blockReads.withLock { $0 } == 2)
            // The block changed after this read took it: the read keeps the block it read first.
            try db.execute(sql: "UPDATE record_block SET data = x'010203' WHERE id = 1")
            #expect(try reader.text(original: Data().databaseValue, reference: 17) == "{\"n\":1}")
            #expect(try StoredRecordReader(db).text(original: Data().databaseValue, reference: 17) == StoredRecord.unreadable)
        }
    }
}
