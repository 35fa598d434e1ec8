import BundledRules
import Foundation
import GRDB
@testable import Store
import Synchronization
import Testing
import TriageModel

/// smbtriage writes only into its own stores: another application's database, a newer schema and
/// broken paths are refused without a byte changed.
@Suite("Which files are smbtriage's")
struct StoreOwnershipTests {
    private func applicationID(_ path: String) throws -> Int32? {
        try DatabaseQueue(path: path).read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
    }

    /// A database at `name` in the fixture's directory made by `sql`; its path.
    private func database(_ name: String, in fixture: StoreFixture, _ sql: String) throws -> String {
        let path = fixture.directory.appendingPathComponent(name).path
        try DatabaseQueue(path: path).write { db in try db.execute(sql: sql) }
        return path
    }

    /// Expects opening `path` (read-only and not) to throw `error` and leave the file as it was.
    private func expectRefusedUntouched(_ path: String, _ error: StoreError) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: error) { try SMBStore(path: path, rules: .bundled()) }
        #expect(throws: error) { try SMBStore(path: path, readOnly: true, rules: .bundled()) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func newStoresCarrySmbtriagesApplicationID() throws {
        let fixture = try StoreFixture()
        #expect(try applicationID(fixture.path) == SMBStore.applicationID)
        #expect(SMBStore.applicationID == 0x534D_4254)
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftByteForByte() throws {
        let fixture = try StoreFixture()
        let path = try database("contacts.sqlite", in: fixture, "CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('ana')")
        try expectRefusedUntouched(path, .notAStore(path: path))
        #expect(try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") }
            == ["contact"])
    }

    @Test func aDatabaseWithAnotherApplicationIDIsRefused() throws {
        let fixture = try StoreFixture()
        let path = try database("other.db", in: fixture, "PRAGMA application_id = 42")
        try expectRefusedUntouched(path, .notAStore(path: path))
    }

    @Test func aNewerSchemaIsRefusedBeforeAnyWrite() throws {
        let fixture = try StoreFixture()
        let path = try database("newer.db", in: fixture,
                                "PRAGMA application_id = \(SMBStore.applicationID); CREATE TABLE future (x); PRAGMA user_version = 99")
        try expectRefusedUntouched(path, .schemaNewer(path: path, found: 99, supported: StoreSchema.version))
    }

    @Test func aStoreOfAnEarlierReleaseIsOursAndGetsTheIDWhenOpenedForWriting() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        #expect(try fixture.store.runExecution(at: baseTime).alerted == 1)
        _ = try fixture.store.addNote(alertID: 1, text: "seen before", actor: "ana")
        // Release 0.2 made exactly this schema but set no application id.
        try DatabaseQueue(path: fixture.path).write { db in try db.execute(sql: "PRAGMA application_id = 0") }

        let reader = try SMBStore(path: fixture.path, readOnly: true, rules: .bundled())
        #expect(try reader.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10).total == 1)
        #expect(try applicationID(fixture.path) == 0)

        let writer = try SMBStore(path: fixture.path, rules: .bundled())
        #expect(try applicationID(fixture.path) == SMBStore.applicationID)
        #expect(try writer.notes(alertID: 1).map(\.text) == ["seen before"])
    }

    @Test func anEmptyFileBecomesANewStore() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("empty.db").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(throws: StoreError.permissionDenied(path: path, detail: "no store exists there")) {
            try SMBStore(path: path, readOnly: true, rules: .bundled())
        }
        let store = try SMBStore(path: path, rules: .bundled())
        try store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        #expect(try store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10).total == 1)
    }

    /// What a first run killed during its migrations leaves: this release marks the file before
    /// migrating; an earlier release could leave GRDB's bookkeeping table and nothing else.
    @Test(arguments: [
        "PRAGMA application_id = \(SMBStore.applicationID)",
        "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)",
    ])
    func aFirstRunKilledDuringItsMigrationsLeavesAFileTheNextRunCompletes(leftover: String) throws {
        let fixture = try StoreFixture()
        let path = try database("interrupted.db", in: fixture, leftover)
        let store = try SMBStore(path: path, rules: .bundled())
        try store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        #expect(try store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10).total == 1)
        #expect(try applicationID(path) == SMBStore.applicationID)
    }

    @Test func grdbBookkeepingWithAMigrationButNoTablesIsNotOurs() throws {
        let fixture = try StoreFixture()
        let path = try database("odd.db", in: fixture, """
            CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
            INSERT INTO grdb_migrations VALUES ('create_contacts')
            """)
        try expectRefusedUntouched(path, .notAStore(path: path))
    }

    @Test func aDanglingSymbolicLinkIsNamedAsOne() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("link.db").path
        let target = fixture.directory.appendingPathComponent("gone/store.db").path
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        #expect(throws: StoreError.danglingLink(path: path, target: target)) { try SMBStore(path: path, rules: .bundled()) }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func aLockOnTheDirectoryHeldTooLongIsReportedAsLocked() throws {
        let fixture = try StoreFixture()
        let directory = (fixture.path as NSString).deletingLastPathComponent
        let holder = open(directory, O_RDONLY | O_DIRECTORY)
        #expect(flock(holder, LOCK_EX) == 0)
        #expect(throws: StoreError.locked(path: fixture.path)) {
            try StoreOpeningLock(directory: directory, exclusive: false, storePath: fixture.path, patience: .milliseconds(200))
        }
        close(holder)
        #expect(throws: Never.self) {
            try StoreOpeningLock(directory: directory, exclusive: true, storePath: fixture.path, patience: .milliseconds(200))
        }
    }

    @Test func processesOpeningTheSameNewStoreAtOnceTakeTurns() throws {
        for trial in 0..<5 {
            let fixture = try StoreFixture()
            let path = fixture.directory.appendingPathComponent("race-\(trial)/new/store.db").path
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { index in
                do {
                    let store = try SMBStore(path: path, rules: .bundled())
                    try store.insert([smbEvent("10.0.0.\(index + 1)", "8.8.8.8", line: index)], ingestedAt: baseTime)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            let hosts = try SMBStore(path: path, readOnly: true, rules: .bundled()).hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 20)
            #expect(hosts.total == 8)
        }
    }
}
