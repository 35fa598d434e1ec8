import BundledRules
import Foundation
import GRDB
@testable import Store
import Testing
import TriageModel

/// A process killed in the middle of a rollback-journal transaction (a new store's first page and
/// its switch to WAL are two) leaves the database file half written and its `-journal` beside it.
@Suite("A write a killed process left half done")
struct InterruptedWriteTests {
    /// Leaves at `path` what a process killed in the middle of `interrupted` leaves, after it
    /// committed `committed` (nothing when empty): the transaction is held open on another file
    /// with a one-page cache, so its pages reach the file before the commit, and both files are copied.
    private func killedMidTransaction(at path: String, committed: String, interrupted: String) throws {
        let writer = (path as NSString).deletingLastPathComponent + "/writer.db"
        let queue = try DatabaseQueue(path: writer)
        try queue.inDatabase { db in
            if !committed.isEmpty { try db.execute(sql: committed) }
            try db.execute(sql: "PRAGMA cache_size = 1; BEGIN IMMEDIATE")
            try db.execute(sql: interrupted)
            for suffix in ["", "-journal"] { try FileManager.default.copyItem(atPath: writer + suffix, toPath: path + suffix) }
            try db.execute(sql: "ROLLBACK")
        }
    }

    private let fillingATable = """
        CREATE TABLE filler (x);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
        INSERT INTO filler SELECT randomblob(3000) FROM n
        """

    private func contents(_ path: String) throws -> [Data] {
        try [path, path + "-journal"].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    }

    /// A new file's first page with a store's 16 KiB page size and nothing in it, as SQLite writes it.
    private func firstPage(in directory: URL) throws -> Data {
        let path = directory.appendingPathComponent("first-page.db").path
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA user_version = 0")
        }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// A rollback journal as SQLite writes it before it changes the database file: the header
    /// (magic, record count, checksum seed, the file's pages before the transaction, sector and
    /// page size) in one 512-byte sector, then each page it saved (number, bytes, checksum).
    private func journal(pagesBefore: UInt32, saved: [Data]) -> Data {
        let seed: UInt32 = 0x47E4_541B
        var data = Data([0xD9, 0xD5, 0x05, 0xF9, 0x20, 0xA1, 0x63, 0xD7])
        func append(_ value: UInt32) { withUnsafeBytes(of: value.bigEndian) { data.append(contentsOf: $0) } }
        for field in [UInt32(saved.count), seed, pagesBefore, 512, 16_384] { append(field) }
        data.append(Data(count: 512 - data.count))
        for (index, page) in saved.enumerated() {
            append(UInt32(index + 1))
            data.append(page)
            append(stride(from: page.count - 200, to: 0, by: -200).reduce(seed) { $0 &+ UInt32(page[$1]) })
        }
        return data
    }

    /// The two states a kill while creating a store leaves (as kill -9 loops on `ingest` left
    /// them): its first transaction, the first page written beside a journal of an empty file; or
    /// the switch to WAL, the first page rewritten (file format 2) beside a journal saving it.
    private func killedCreation(at path: String, duringWALSwitch: Bool, directory: URL) throws {
        let page = try firstPage(in: directory)
        var written = page
        if duringWALSwitch { written[18] = 2; written[19] = 2 }
        try written.write(to: URL(fileURLWithPath: path))
        try journal(pagesBefore: duringWALSwitch ? 1 : 0, saved: duringWALSwitch ? [page] : [])
            .write(to: URL(fileURLWithPath: path + "-journal"))
    }

    @Test(arguments: [false, true])
    func aStoreKilledWhileBeingCreatedIsCreatedByTheNextWriter(duringWALSwitch: Bool) throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("killed.db").path
        try killedCreation(at: path, duringWALSwitch: duringWALSwitch, directory: fixture.directory)
        let before = try contents(path)

        #expect(throws: StoreError.interruptedWrite(path: path)) { try SMBStore(path: path, readOnly: true, rules: .bundled()) }
        #expect(try contents(path) == before)

        let store = try SMBStore(path: path, rules: .bundled())
        try store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        #expect(try store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10).total == 1)
        #expect(try DatabaseQueue(path: path).read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
            == SMBStore.applicationID)
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
    }

    /// A killed creation's journal left beside a store restored or replaced since: rolling it
    /// back would cut the store down to its first page, so both are refused and kept as they are.
    @Test(arguments: [false, true])
    func aStaleJournalBesideAStoreIsRefusedAndTheStoreKept(duringWALSwitch: Bool) throws {
        let fixture = try StoreFixture()
        try fixture.store.insert((1...50).map { smbEvent("10.0.0.\($0)", "8.8.8.8", line: $0) }, ingestedAt: baseTime)
        try DatabaseQueue(path: fixture.path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let restored = fixture.directory.appendingPathComponent("restored.db").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: restored)
        let killed = fixture.directory.appendingPathComponent("killed.db").path
        try killedCreation(at: killed, duringWALSwitch: duringWALSwitch, directory: fixture.directory)
        try FileManager.default.copyItem(atPath: killed + "-journal", toPath: restored + "-journal")
        let before = try contents(restored)

        for readOnly in [false, true] {
            #expect(throws: StoreError.interruptedWrite(path: restored)) {
                try SMBStore(path: restored, readOnly: readOnly, rules: .bundled())
            }
        }
        #expect(try contents(restored) == before)
        #expect(before[0].count > 16_384)
    }

    @Test func anotherApplicationsInterruptedWriteIsLeftToItByteForByte() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("contacts.sqlite").path
        try killedMidTransaction(at: path, committed: "CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('ana')",
                                 interrupted: fillingATable)
        let before = try contents(path)
        #expect(throws: StoreError.interruptedWrite(path: path)) { try SMBStore(path: path, rules: .bundled()) }
        #expect(throws: StoreError.interruptedWrite(path: path)) { try SMBStore(path: path, readOnly: true, rules: .bundled()) }
        #expect(try contents(path) == before)
    }

    /// The command the message offers works when pasted: the path is one shell word, whatever it holds.
    @Test func theRollBackCommandQuotesThePath() {
        let message = StoreError.interruptedWrite(path: "/data/it's my store.db").description
        #expect(message.contains(#"`sqlite3 '/data/it'\''s my store.db' 'PRAGMA quick_check'`"#), "\(message)")
    }

    @Test func anotherReadOnlyFailureNamesSQLitesExtendedCode() {
        let error = DatabaseError(resultCode: .SQLITE_READONLY_RECOVERY, message: "attempt to write a readonly database")
        #expect(SMBStore.storeError(error, path: "s.db") as? StoreError
            == .readOnly(path: "s.db", operation: "writing (attempt to write a readonly database, SQLite code 264)"))
    }
}
