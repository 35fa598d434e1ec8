import Foundation
import GRDB

/// The checks and upgrades of opening a store, before any of its queries runs.
extension SMBStore {
    /// An SQLite URI that reads `path` as immutable (no locks, no shared-memory file).
    static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    /// Refuses, by reading alone, another application's database and a schema newer than this
    /// build; read-only, also an empty file and an older schema (which only a writer upgrades).
    /// Returns what the file holds.
    static func checkContents(_ connectionPath: String, path: String, isEmpty: Bool,
                              readOnly: Bool) throws -> StoreContents {
        let contents = isEmpty ? .empty : try readContents(connectionPath, path: path, readOnly: readOnly)
        switch contents {
        case .foreign:
            throw StoreError.notAStore(path: path)
        case .store(let version) where version > StoreSchema.version:
            throw StoreError.schemaNewer(path: path, found: version, supported: StoreSchema.version)
        case .empty where readOnly:
            throw StoreError.permissionDenied(path: path, detail: "no store exists there")
        case .store(let version) where readOnly && version < StoreSchema.version:
            throw StoreError.schemaOlder(path: path, found: version, supported: StoreSchema.version)
        case .empty, .store:
            return contents
        }
    }

    /// What the file holds, read by a read-only connection. A writer meeting the journal of a
    /// transaction killed on a file without tables (a first run killed while creating the store)
    /// reads it with a connection that may write, so SQLite rolls that transaction back first;
    /// any other interrupted transaction is left for its own application to roll back.
    private static func readContents(_ connectionPath: String, path: String, readOnly: Bool) throws -> StoreContents {
        var probe = Configuration()
        probe.readonly = true
        probe.busyMode = .timeout(5)
        do {
            return try DatabaseQueue(path: connectionPath, configuration: probe).read(StoreContents.read)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_READONLY_ROLLBACK
                    && !readOnly && HotJournal.beganWithoutTables(StoreFile.resolved(path)) {
            probe.readonly = false
            return try DatabaseQueue(path: connectionPath, configuration: probe).read(StoreContents.read)
        }
    }

    /// Marks the file with smbtriage's application id, then brings the schema to the newest version
    /// (`progress` hears how far a long migration got).
    /// The mark comes first: a first run killed during its migrations leaves a file that is
    /// recognisably ours, which the next run migrates instead of refusing as another application's.
    /// An upgrade's migrations are a transaction each, and a large store's WAL grows to the size of
    /// the rows they rewrote (3 GB for the 10 M-flow store's records): once they ran, the WAL is
    /// copied into the file and truncated, rather than kept on disk until the next write.
    static func migrate(_ pool: DatabasePool, progress: MigrationProgress?) throws {
        try pool.write { db in
            guard try Int32.fetchOne(db, sql: "PRAGMA application_id") != Self.applicationID else { return }
            try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
        }
        let migrator = StoreSchema.migrator(progress: progress)
        let hadPendingMigrations = try pool.read { db in try !migrator.hasCompletedMigrations(db) }
        try migrator.migrate(pool)
        guard hadPendingMigrations else { return }
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}
