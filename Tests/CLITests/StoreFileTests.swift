import Foundation
import GRDB
import Testing

/// What the command line does with store files that are new, shared, foreign, damaged, in a
/// read-only directory or open to other users.
@Suite struct StoreFileTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    private func flows(_ count: Int) throws -> String {
        try cli.write("flows.ndjson", ECSFixture.lines((1...count).map {
            ECSFixture.flow(source: "10.1.1.\($0 % 7 + 1)", destination: "45.146.164.\($0 % 50)", serial: $0)
        }))
    }

    private func mode(_ path: String) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    /// Runs `smbtriage ARGS --db path`.
    private func run(_ arguments: [String], db path: String, launcher: [String] = []) throws -> CLIHarness.Run {
        try cli.run(arguments + ["--db", path], useDatabase: false, launcher: launcher)
    }

    @Test func ingestsCreatingTheSameNewStoreAtOnceAllSucceed() throws {
        let file = try flows(40)
        for trial in 0..<3 {
            let path = cli.directory.appendingPathComponent("race-\(trial)/store.db").path
            let launched = try (0..<6).map { _ in
                try cli.launch(["ingest", file, "--db", path], useDatabase: false)
            }
            for (process, output, errors) in launched {
                _ = output.fileHandleForReading.readDataToEndOfFile()
                let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "trial \(trial): \(message)")
            }
            let hosts = try run(["hosts", "--json"], db: path)
            #expect(hosts.jsonLines.count == 7)
        }
    }

    @Test func anotherApplicationsDatabaseIsRefusedOnceNamedAndUntouched() throws {
        let path = cli.directory.appendingPathComponent("app.sqlite").path
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for arguments in [["ingest", try flows(3)], ["hosts"], ["detect"]] {
            let run = try run(arguments, db: path)
            #expect(run.status == 1)
            #expect(run.errors.contains("another application's SQLite database, not an smbtriage store"))
            #expect(run.errors.components(separatedBy: path).count == 2, "the path once: \(run.errors)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aDanglingLinkAndAnEmptyFileAreSaidForWhatTheyAre() throws {
        let link = cli.directory.appendingPathComponent("link.db").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/nonexistent/store.db")
        let dangling = try run(["detect"], db: link)
        #expect(dangling.status == 1)
        #expect(dangling.errors.contains("is a symbolic link to /nonexistent/store.db, which does not exist"))

        let empty = cli.directory.appendingPathComponent("empty.db").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let read = try run(["hosts"], db: empty)
        #expect(read.status == 1)
        #expect(read.errors.contains("no store exists there"))
        #expect(try run(["ingest", try flows(3)], db: empty).status == 0)
        #expect(try run(["hosts", "--json"], db: empty).jsonLines.count == 3)
    }

    /// A store of 5 hosts in a directory that its commands (run through the launcher returned)
    /// cannot write; `closed`: the store was closed cleanly, else it keeps a WAL but no -shm.
    private func storeInReadOnlyDirectory(closed: Bool) throws -> (path: String, launcher: [String]) {
        let directory = cli.directory.appendingPathComponent("readonly")
        let path = directory.appendingPathComponent("store.db").path
        #expect(try run(["ingest", try flows(5)], db: path).status == 0)
        if closed {
            // The last connection out moves the WAL into the file and removes -wal and -shm.
            try DatabaseQueue(path: path).close()
        } else {
            try FileManager.default.removeItem(atPath: path + "-shm")
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
        // Root may write anywhere: the commands run as nobody, who owns the store, then.
        let launcher = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        if getuid() == 0 {
            for item in [directory.path, path, path + "-wal"] where FileManager.default.fileExists(atPath: item) {
                try FileManager.default.setAttributes([.ownerAccountID: 65534, .groupOwnerAccountID: 65534], ofItemAtPath: item)
            }
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: directory.path)
        return (path, launcher)
    }

    @Test func readCommandsWorkInAReadOnlyDirectoryAndWritesSaySo() throws {
        let (path, launcher) = try storeInReadOnlyDirectory(closed: true)
        for arguments in [["hosts", "--json"], ["alerts", "--json"], ["audit"], ["history", "10.1.1.2"], ["store", "check"]] {
            let read = try run(arguments, db: path, launcher: launcher)
            #expect(read.status == 0, "\(arguments): \(read.errors)")
        }
        #expect(try run(["hosts", "--json"], db: path, launcher: launcher).jsonLines.count == 5)
        let write = try run(["detect"], db: path, launcher: launcher)
        #expect(write.status == 1)
        #expect(write.errors.contains("its directory is not writable"))
    }

    @Test func aWriteAheadLogThatCannotBeReadInAReadOnlyDirectoryIsSaid() throws {
        let (path, launcher) = try storeInReadOnlyDirectory(closed: false)
        let attributes = try FileManager.default.attributesOfItem(atPath: path + "-wal")
        #expect(((attributes[.size] as? NSNumber)?.intValue ?? 0) > 0)
        let read = try run(["hosts"], db: path, launcher: launcher)
        #expect(read.status == 1)
        #expect(read.errors.contains("SQLite cannot read the write-ahead log beside it"))
    }

    @Test func damageStopsReadsAndWritesWithOneSentenceAndStoreCheckSaysWhatToDo() throws {
        #expect(try cli.run(["ingest", try flows(20)]).status == 0)
        let sound = try cli.run(["store", "check"])
        #expect(sound.status == 0)
        #expect(sound.output.contains("passed SQLite's integrity check"))
        try damage(["host", "alert", "audit", "detection_queue", "event_fingerprint"])
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        for arguments in [["hosts"], ["audit"], ["ingest", try flows(25)], ["alerts", "ack", "1"], ["detect"]] {
            let run = try cli.run(arguments)
            #expect(run.status == 1, "\(arguments) exited \(run.status)")
            #expect(run.errors.contains("is damaged, so smbtriage writes nothing more to it"), "\(arguments): \(run.errors)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before)
        let check = try cli.run(["store", "check"])
        #expect(check.status == 1)
        #expect(check.errors.contains("restore it from a backup"))
        #expect(check.errors.contains(".recover"))
    }

    /// A kept count of flows that is not the rows' fails `store check`, which names both figures and
    /// the command that sets it; `--recount` sets it, and `store` shows the rows' count again.
    @Test func storeCheckFindsAWrongKeptCountAndRecountSetsIt() throws {
        #expect(try cli.run(["ingest", try flows(20)]).status == 0)
        try DatabaseQueue(path: cli.database).write { db in try db.execute(sql: "UPDATE stored_count SET flows = 17") }
        #expect(try cli.run(["store"]).output.contains("flows           17 ("))
        let check = try cli.run(["store", "check"])
        #expect(check.status == 1)
        #expect(check.output.contains("passed SQLite's integrity check"))
        #expect(check.output.contains("flows: kept 17, counted 20\n"))
        #expect(check.errors.contains("run `smbtriage store check --recount --db '\(cli.database)'`"))
        let recount = try cli.run(["store", "check", "--recount"])
        #expect(recount.status == 0)
        #expect(recount.output.hasSuffix("flows: kept 17, counted 20\nSet the kept counts from the rows.\n"))
        let sound = try cli.run(["store", "check"])
        #expect(sound.status == 0)
        #expect(sound.output.hasSuffix("Its kept counts (flows, flow summaries, the rows of each record block) match its rows.\n"))
        #expect(try cli.run(["store"]).output.contains("flows           20 ("))
    }

    /// Rows pointing at a record block that does not exist fail `store check`, which says that
    /// `--recount` cannot bring their records back, and so does `--recount`.
    @Test func storeCheckSaysRowsOfAMissingRecordBlockCannotBeRecounted() throws {
        #expect(try cli.run(["ingest", try flows(20)]).status == 0)
        try DatabaseQueue(path: cli.database).write { db in try db.execute(sql: "DELETE FROM record_block WHERE id = 1") }
        for arguments in [["store", "check"], ["store", "check", "--recount"]] {
            let check = try cli.run(arguments)
            #expect(check.status == 1)
            #expect(check.output.contains("rows pointing at no record block (their records are lost): kept 0, counted 16\n"))
            #expect(check.errors.contains("has 16 rows whose original record is lost (above), which --recount cannot bring back"))
        }
    }

    /// Overwrites the root page of each of `tables` with garbage, once the WAL is in the file.
    private func damage(_ tables: [String]) throws {
        let (roots, pageSize) = try DatabaseQueue(path: cli.database).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            let roots = try tables.map { try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = ?", arguments: [$0]) ?? 0 }
            return (roots, try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: cli.database))
        for root in roots {
            try handle.seek(toOffset: UInt64((root - 1) * pageSize))
            try handle.write(contentsOf: Data(repeating: 0xA5, count: pageSize))
        }
        try handle.close()
    }

    @Test func storesAreTheOwnersAloneWhateverTheUmask() throws {
        let path = cli.directory.appendingPathComponent("open/to/all.db").path
        let umaskZero = ["/bin/sh", "-c", "umask 0 && exec \"$@\"", "sh"]
        #expect(try run(["ingest", try flows(3)], db: path, launcher: umaskZero).status == 0)
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            #expect(try mode(file) == 0o600, "\(file)")
        }
        #expect(try mode((path as NSString).deletingLastPathComponent) == 0o700)
    }

    @Test func aStoreOpenToOtherUsersIsTightenedWithOneSentence() throws {
        #expect(try cli.run(["ingest", try flows(3)]).status == 0)
        for file in [cli.database, cli.database + "-wal", cli.database + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        }
        let hosts = try cli.run(["hosts"])
        #expect(hosts.status == 0)
        let notice = "The store \(cli.database) was open to other users (mode 0644); it is now 0600.\n"
        #expect(hosts.errors == notice + "3 of 3 hosts\n")
        for file in [cli.database, cli.database + "-wal", cli.database + "-shm"] where FileManager.default.fileExists(atPath: file) {
            #expect(try mode(file) == 0o600, "\(file)")
        }
        #expect(try cli.run(["hosts"]).errors == "3 of 3 hosts\n")
    }

    /// A store an earlier schema made (v19): the commands that only read refuse it with one
    /// sentence naming `store upgrade`, which upgrades it once and says so; then they read it.
    @Test func readingCommandsAskForStoreUpgradeWhichUpgradesOnce() throws {
        #expect(try cli.run(["ingest", try flows(12)]).status == 0)
        #expect(try cli.run(["store", "upgrade"]).output
            == "The store \(cli.database) is at schema version 24 already; nothing to upgrade.\n")
        // v24, v23, v22, v21 and v20 undone (the tests of each are StoreTests' `RecordBlockMigrationTests`,
        // `HostFlowHourTests`, `StoredCountTests`, `LoneConnectionMigrationTests` and `RetentionTests`; here
        // the records in blocks are lost, as SQL cannot compress them back into their rows, and lone records
        // keep no row, which the messages do not read).
        try DatabaseQueue(path: cli.database).write { db in
            try db.execute(sql: """
                ALTER TABLE event DROP COLUMN record_ref;
                DROP TABLE record_block;
                DELETE FROM grdb_migrations WHERE identifier = 'v24';
                DROP TABLE host_flow_hour;
                DELETE FROM grdb_migrations WHERE identifier = 'v23';
                DROP TABLE stored_count;
                DELETE FROM grdb_migrations WHERE identifier = 'v22';
                DROP INDEX event_lone_community;
                ALTER TABLE event DROP COLUMN community_key;
                ALTER TABLE event DROP COLUMN lone_start;
                DELETE FROM grdb_migrations WHERE identifier = 'v21';
                DROP INDEX alert_closed_at;
                DELETE FROM grdb_migrations WHERE identifier = 'v20';
                PRAGMA user_version = 19;
                """)
        }
        for command in [["alerts"], ["hosts"], ["store"]] {
            let refused = try cli.run(command)
            #expect(refused.status == 1)
            #expect(refused.errors.contains("has schema version 19, from an earlier smbtriage"), "\(refused.errors)")
            #expect(refused.errors.contains("run `smbtriage store upgrade --db '\(cli.database)'` once to bring it to version 24"))
        }
        let upgrade = try cli.run(["store", "upgrade"])
        #expect(upgrade.status == 0)
        #expect(upgrade.output == "Upgraded the store \(cli.database) from schema version 19 to 24.\n")
        #expect(try cli.run(["alerts", "--json"]).jsonLines.count == 12)
        #expect(try cli.run(["store", "upgrade"]).output.hasSuffix("nothing to upgrade.\n"))
    }
}
