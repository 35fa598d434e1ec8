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

    /// The state the first run's kill leaves: its first transaction (on an empty file), or the
    /// switch to WAL (on a first page holding no table).
    @Test(arguments: ["", "PRAGMA user_version = 0"])
    func aStoreKilledWhileBeingCreatedIsCreatedByTheNextWriter(committed: String) throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("killed.db").path
        try killedMidTransaction(at: path, committed: committed, interrupted: fillingATable)
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

    @Test func anotherReadOnlyFailureNamesSQLitesExtendedCode() {
        let error = DatabaseError(resultCode: .SQLITE_READONLY_RECOVERY, message: "attempt to write a readonly database")
        #expect(SMBStore.storeError(error, path: "s.db") as? StoreError
            == .database(path: "s.db", message: "attempt to write a readonly database, SQLite code 264"))
    }
}
