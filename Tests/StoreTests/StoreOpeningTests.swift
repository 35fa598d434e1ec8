import BundledRules
import Detection
import Foundation
import GRDB
import Store
import Testing
import TriageModel

@Suite("Opening the store")
struct StoreOpeningTests {
    @Test func createsTheFileWithMode0600InANewDirectory() throws {
        let fixture = try StoreFixture()
        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.path)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        let walMode = try FileManager.default.attributesOfItem(atPath: fixture.path + "-wal")[.posixPermissions]
        #expect((walMode as? NSNumber)?.intValue == 0o600)
    }

    @Test func upgradesAVersion1StoreToTheNewestSchema() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        // What a version 1 store looks like: its three extra host indexes, no recorded candidate
        // query, no rule versions, and only v1 migrated.
        try DatabaseQueue(path: fixture.path).write { db in
            try rollBack(db, rollbackToVersion3)
            try db.execute(sql: """
                CREATE INDEX host_bytes_out ON host(bytes_out DESC, address);
                CREATE INDEX host_last_seen ON host(last_seen DESC, address);
                CREATE INDEX host_destinations ON host(external_destinations DESC, address);
                DROP TABLE candidate_query;
                DELETE FROM grdb_migrations WHERE identifier IN ('v2', 'v3');
                PRAGMA user_version = 1;
                """)
        }
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled())
        #expect(try upgraded.hosts(filter: HostFilter(), sort: .lastSeen, offset: 0, limit: 10).total == 1)
        #expect(try upgraded.runExecution(at: baseTime).alerted == 1)
        try DatabaseQueue(path: fixture.path).read { db in
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 21)
            #expect(try String.fetchOne(db, sql: "SELECT query FROM candidate_query") == fixture.rule.rule.query)
            let hostIndexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'host'")
            #expect(hostIndexes.sorted() == ["host_alerted", "host_last_seen", "host_rank_base", "host_rank_recent"],
                    "the ranked order's two parts, the newest activity and the alerted hosts are indexed; no other host order is")
        }
    }

    @Test func upgradesAVersion3StoreWithItsFlowsAndSwitchesOnIncrementalVacuumAtItsFirstPrune() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1), smbEvent("10.0.0.1", "10.0.0.9", line: 2)],
                                 ingestedAt: baseTime)
        try fixture.store.runExecution(at: baseTime)
        // What a version 3 store looks like: no retention tables, no cascade index, no auto-vacuum.
        let previous = try DatabaseQueue(path: fixture.path)
        try previous.write { db in try rollBack(db, rollbackToVersion3) }
        try previous.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA auto_vacuum = NONE; VACUUM") }
        try previous.close()
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled())
        #expect(try upgraded.retentionPolicy() == RetentionPolicy.defaults)
        #expect(try !upgraded.vacuumsIncrementally())
        #expect(try upgraded.prune(at: baseTime.addingTimeInterval(31 * 86_400), actor: "ana").flows == 1)
        #expect(try upgraded.alerts(AlertQuery(), offset: 0, limit: 10).rows.map(\.flow.event.destinationIPs) == [[IPAddress("8.8.8.8")!]])
        #expect(try upgraded.flowSummaries(of: IPAddress("10.0.0.1")!).map(\.flows) == [1])
        #expect(try upgraded.switchOnIncrementalVacuum())
        #expect(try upgraded.vacuumsIncrementally())
        #expect(try DatabaseQueue(path: fixture.path).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 21)
    }

    @Test func upgradesAVersion3StoreKeepingItsAlertsAndStoresThreatFields() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        #expect(try fixture.store.runExecution(at: baseTime).alerted == 1)
        try DatabaseQueue(path: fixture.path).write { db in
            try rollBack(db, rollbackToVersion3)
        }
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled())
        var threat = smbEvent("10.0.0.2", "8.8.4.4", at: baseTime.addingTimeInterval(60), line: 2)
        threat.event.ruleName = "ET POLICY SMB2 NT Create AndX Request For an Executable File"
        threat.event.ruleCategory = "Potential Corporate Privacy Violation"
        threat.event.severity = 1
        threat.event.threatName = "Microsoft Windows SMBv1 Multiple Vulnerabilities"
        try upgraded.insert([threat], ingestedAt: baseTime.addingTimeInterval(60))
        #expect(try upgraded.runExecution(at: baseTime.addingTimeInterval(120)).alerted == 1)
        let alerts = try upgraded.alerts(AlertQuery(), offset: 0, limit: 10).rows
        #expect(alerts.count == 2)
        let stored = try #require(alerts.first { $0.flow.event.sourceIPs == [IPAddress("10.0.0.2")!] })
        #expect(stored.flow.event.ruleName == threat.event.ruleName)
        #expect(stored.flow.event.ruleCategory == threat.event.ruleCategory)
        #expect(stored.flow.event.severity == 1)
        #expect(stored.flow.event.threatName == threat.event.threatName)
        let older = try #require(alerts.first { $0.flow.event.sourceIPs == [IPAddress("10.0.0.1")!] })
        #expect(older.flow.event.ruleName == nil)
        let version = try DatabaseQueue(path: fixture.path).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == 21)
    }

    @Test func newStoresHaveLargePagesAndOlderOnesKeepTheirs() throws {
        func pageSize(_ path: String) throws -> Int? {
            try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") }
        }
        let fixture = try StoreFixture()
        #expect(try pageSize(fixture.path) == 16_384)
        // A database SQLite already laid out with its default 4 KiB pages, holding no table.
        let olderPath = fixture.directory.appendingPathComponent("older.db").path
        let older = try DatabasePool(path: olderPath)
        try older.write { db in try db.execute(sql: "CREATE TABLE scratch (x); DROP TABLE scratch") }
        try older.close()
        let store = try SMBStore(path: olderPath, rules: .bundled())
        try store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        #expect(try store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10).total == 1)
        #expect(try pageSize(olderPath) == 4096)
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("notes.txt").path
        let text = Data(String(repeating: "this is not sqlite\n", count: 300).utf8)
        try text.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try SMBStore(path: path, rules: .bundled()) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    @Test func readOnlyStoresRefuseWritesButServeReads() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        let reader = try SMBStore(path: fixture.path, readOnly: true, rules: .bundled())
        #expect(try reader.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 10).total == 1)
        #expect(throws: StoreError.readOnly(path: fixture.path, operation: "storing events")) {
            try reader.insert([smbEvent("10.0.0.2", "8.8.8.8", line: 2)], ingestedAt: baseTime)
        }
        let error = try #require(throws: StoreError.self) {
            try reader.setStatus(.closed, alertIDs: [1], reason: nil, actor: "ana")
        }
        #expect(error.description.contains("read-only"))
    }

    @Test func readOnlyOpeningDoesNotUpgradeAnOlderSchema() throws {
        let fixture = try StoreFixture()
        try DatabaseQueue(path: fixture.path).write { db in
            try rollBack(db, rollbackToVersion3)
        }
        let error = try #require(throws: StoreError.self) { try SMBStore(path: fixture.path, readOnly: true, rules: .bundled()) }
        #expect(error == .schemaOlder(path: fixture.path, found: 3, supported: 21))
        #expect(error.description.contains("run `smbtriage store upgrade --db '\(fixture.path)'` once to bring it to version 21"))
        #expect(try DatabaseQueue(path: fixture.path).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 3)
    }

    /// A file a first run marked as a store and was killed before its first migration committed
    /// holds no store yet: a read-only command finds none, and a writer creates one (upgrading nothing).
    @Test func aFileMarkedAsAStoreWithoutTablesIsANewStore() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("marked.db").path
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = \(SMBStore.applicationID)")
        }
        #expect(throws: StoreError.permissionDenied(path: path, detail: "no store exists there")) {
            try SMBStore(path: path, readOnly: true, rules: .bundled())
        }
        let store = try SMBStore(path: path, rules: .bundled())
        #expect(store.upgradedFromVersion == nil)
        #expect(try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 21)
    }

    /// A writable opening says which version it upgraded from, once; a new store and a current
    /// one were upgraded from none.
    @Test func aWritableOpeningTellsTheVersionItUpgradedFrom() throws {
        let fixture = try StoreFixture()
        #expect(fixture.store.upgradedFromVersion == nil)
        try DatabaseQueue(path: fixture.path).write { db in try db.execute(sql: rollbackToVersion19) }
        #expect(try SMBStore(path: fixture.path, rules: .bundled()).upgradedFromVersion == 19)
        #expect(try SMBStore(path: fixture.path, rules: .bundled()).upgradedFromVersion == nil)
        #expect(try SMBStore(path: fixture.path, readOnly: true, rules: .bundled()).upgradedFromVersion == nil)
    }

    @Test func readOnlyOpeningOfAMissingStoreNamesTheProblem() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("absent.db").path
        let error = try #require(throws: StoreError.self) { try SMBStore(path: path, readOnly: true, rules: .bundled()) }
        #expect(error == .permissionDenied(path: path, detail: "no store exists there"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aWriteLockHeldPastTheBusyTimeoutIsReportedAsLocked() throws {
        let fixture = try StoreFixture()
        let other = try DatabaseQueue(path: fixture.path)
        try other.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let error = try #require(throws: StoreError.self) {
                try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
            }
            #expect(error == .locked(path: fixture.path))
            try db.execute(sql: "ROLLBACK")
        }
    }

    @Test func defaultPathFollowsTheEnvironment() {
        #expect(StoreLocation.defaultPath(environment: ["SMBTRIAGE_DB": "/data/s.db", "HOME": "/home/a"]) == "/data/s.db")
        #expect(StoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/a"])
            == "/xdg/smbtriage/smbtriage.db")
        #expect(StoreLocation.defaultPath(environment: ["HOME": "/home/a", "XDG_DATA_HOME": ""])
            == "/home/a/.local/share/smbtriage/smbtriage.db")
    }

    @Test func demoDirectoryIsUnderTheCacheDirectory() {
        #expect(StoreLocation.demoDirectory(environment: ["XDG_CACHE_HOME": "/cache", "HOME": "/home/a"])
            == "/cache/smbtriage/demo")
        #expect(StoreLocation.demoDirectory(environment: ["HOME": "/home/a", "XDG_CACHE_HOME": "",
                                                          "SMBTRIAGE_DB": "/data/s.db"])
            == "/home/a/.cache/smbtriage/demo")
    }

    @Test func changeTokenMovesWhenAnotherConnectionCommits() throws {
        let fixture = try StoreFixture()
        let other = try SMBStore(path: fixture.path, rules: .bundled())
        let before = try fixture.store.changeToken()
        #expect(try fixture.store.changeToken() == before)
        try other.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        let afterOther = try fixture.store.changeToken()
        #expect(afterOther != before)
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 2)], ingestedAt: baseTime)
        #expect(try fixture.store.changeToken() != afterOther)
    }

    @Test func checkpointsSurviveReopening() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.checkpoint(path: "/var/log/conn.log") == nil)
        let checkpoint = FileCheckpoint(path: "/var/log/conn.log", device: UInt64.max - 3, inode: 77,
                                        offset: 4096, line: 12)
        try fixture.store.saveCheckpoint(checkpoint)
        var moved = checkpoint
        moved.offset = 8192
        moved.line = 30
        try fixture.store.saveCheckpoint(moved)
        #expect(try SMBStore(path: fixture.path, rules: .bundled()).checkpoint(path: "/var/log/conn.log") == moved)
    }
}
