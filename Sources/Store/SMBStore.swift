import Detection
import Foundation
import GRDB
import Synchronization
import TriageModel

/// The SQLite store behind smbtriage: every SMB event, the per-host aggregates, the detector's
/// executions and alerts, and the analyst's triage (statuses, notes, exceptions, audit log).
///
/// One instance may be shared between threads. The file is created with mode 0600 and 16 KiB
/// pages, opened in WAL mode with `synchronous=NORMAL`, a 32 MB page cache per reading connection
/// (64 MB for the writer) and a 5 s busy timeout, and migrated to the newest schema.
public final class SMBStore: TriageRepository {
    /// The database file.
    public let path: String
    /// True when the store was opened read-only: every write throws `StoreError.readOnly`.
    public let isReadOnly: Bool
    /// Set when the store was open to other users on opening (and is now tightened, if it could be).
    public let permissionNotice: PermissionNotice?
    /// The schema version the store had when this opening upgraded it; nil when it was new or
    /// already at `schemaVersion`.
    public let upgradedFromVersion: Int?
    /// The schema version this build reads and writes.
    public static var schemaVersion: Int { StoreSchema.version }
    /// The rule versions the opening command loaded. The active one (`activeRule()`) picks the
    /// stored events executions consider (its candidates, queued at ingest), decides what counts
    /// as "external" in the aggregates, and is the rule executions run.
    public let rules: RuleCatalog

    /// The `PRAGMA application_id` of every smbtriage store: "SMBT" in ASCII (0x534D4254), so
    /// `file(1)` and smbtriage itself tell a store from another application's database.
    public static let applicationID: Int32 = 0x534D_4254

    let pool: DatabasePool
    /// A connection that never writes: its `PRAGMA data_version` moves on every commit.
    private let changeMonitor: DatabaseQueue
    /// How many `BackgroundCheckpointer`s run on this store.
    private let backgroundCheckpointers = Mutex(0)
    /// Set once SQLite reported the store damaged: every later write is refused.
    private let isDamaged = Mutex(false)

    /// Opens (and when writable, creates and migrates) the store at `path`, working with the rule
    /// versions of `rules` (loaded once by the caller, e.g. `RuleCatalog.bundled()`).
    ///
    /// Nothing is written to a file that is not an smbtriage store (another application's
    /// database, one whose schema is newer than this build's) or when opening read-only.
    /// Processes opening the same store at once take turns (`StoreOpeningLock`). A new store gets
    /// smbtriage's `PRAGMA application_id`; a store of an earlier release gets it when opened
    /// for writing; `migrationProgress` hears how far a long upgrade got (rows of the total).
    public init(path: String, readOnly: Bool = false, rules: RuleCatalog,
                migrationProgress: MigrationProgress? = nil) throws(StoreError) {
        SQLiteProcessSettings.make()
        self.path = path
        self.isReadOnly = readOnly
        self.rules = rules
        if !readOnly { try StoreFile.createDirectory(for: path) }
        let lock = try StoreOpeningLock(directory: StoreFile.directory(of: StoreFile.resolved(path)), exclusive: !readOnly,
                                        storePath: path)
        let preparation = try StoreFile.prepare(path: path, readOnly: readOnly)
        permissionNotice = preparation.permissions
        let connectionPath = StoreFile.needsImmutableReading(path, readOnly: readOnly) ? Self.immutableURI(path) : path
        do {
            let contents = try Self.checkContents(connectionPath, path: path, isEmpty: preparation.isEmpty,
                                                  readOnly: readOnly)
            upgradedFromVersion = switch contents {
            case .store(let version) where version < StoreSchema.version: version
            case .empty, .store, .foreign: nil
            }
            pool = try DatabasePool(path: connectionPath, configuration: Self.configuration(readOnly: readOnly))
            if !readOnly { try Self.migrate(pool, progress: migrationProgress) }
            changeMonitor = try DatabaseQueue(path: connectionPath, configuration: Self.configuration(readOnly: true))
        } catch {
            throw Self.storeError(error, path: path) as? StoreError
                ?? .database(path: path, message: String(describing: error))
        }
        lock.release()
    }

    static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(5)
        configuration.label = "smbtriage"
        // `releaseCachedPages()` empties the readers' caches rather than closing them.
        configuration.persistentReadOnlyConnections = true
        configuration.prepareDatabase { db in
            db.add(function: HostRankingSQL.rankBaseFunction)
            for function in ListSearchSQL.functions { db.add(function: function) }
            // Only takes effect while the file is still empty, so an existing store keeps its size.
            try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
            // Likewise: a new store gives the pages a prune frees back to the file system.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL") }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The writer's random index updates (fingerprints, hosts, alert times) touch pages
            // all over a large store: a bigger cache spares re-reading them every batch. 64 MB
            // holds those indexes for millions of events; 256 MB ingested the 1 M-event benchmark
            // file no faster and kept 33 MB more resident.
            try db.execute(sql: "PRAGMA cache_size = \(db.configuration.readonly ? -32768 : -65536)")
            if !db.configuration.readonly { try checkpoint(db, afterBytes: writerCheckpointBytes) }
        }
        return configuration
    }

    /// Raises the writer connection's checkpoint threshold to
    /// `BackgroundCheckpointer.writerCheckpointBytes` while at least one checkpointer runs.
    func beginBackgroundCheckpoints() throws {
        try backgroundCheckpointers.withLock { count in
            if count == 0 { try setWriterCheckpoint(afterBytes: BackgroundCheckpointer.writerCheckpointBytes) }
            count += 1
        }
    }

    /// Restores the writer's usual threshold once the last checkpointer stopped. A failure only
    /// leaves the WAL checkpointed at the larger threshold.
    func endBackgroundCheckpoints() {
        backgroundCheckpointers.withLock { count in
            count -= 1
            if count == 0 { try? setWriterCheckpoint(afterBytes: Self.writerCheckpointBytes) }
        }
    }

    /// Makes the writer connection checkpoint once a commit leaves more than `bytes` in the WAL.
    private func setWriterCheckpoint(afterBytes bytes: Int) throws {
        do {
            try pool.writeWithoutTransaction { db in try Self.checkpoint(db, afterBytes: bytes) }
        } catch {
            throw noting(error)
        }
    }

    /// Makes `db` checkpoint once a commit leaves more than `bytes` in the WAL, and truncate a
    /// rewound WAL to `bytes` (the WAL of a large ingest would otherwise keep its size on disk).
    private static func checkpoint(_ db: Database, afterBytes bytes: Int) throws {
        let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? Self.pageSize
        try db.execute(sql: "PRAGMA wal_autocheckpoint = \(max(1, bytes / pageSize))")
        try db.execute(sql: "PRAGMA journal_size_limit = \(bytes)")
    }

    /// The page size of a new store: an ingest's B-tree inserts split pages less often and
    /// touch fewer of them than with SQLite's 4 KiB (the pipeline benchmark ran 10–20% faster).
    /// 32 KiB was 5–10% faster still, but a cold drill-down then reads 32 KiB per event row and
    /// two of four store-benchmark runs put the drill-down's p99 over its 5 ms target.
    static let pageSize = 16_384

    /// WAL bytes after which a writing connection checkpoints when no `BackgroundCheckpointer`
    /// runs (about SQLite's default of 1,000 pages of 4 KiB, whatever the store's page size).
    static let writerCheckpointBytes = 4 << 20

    // MARK: Access

    /// Runs `body` in one write transaction; nothing of it is kept if it throws.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        guard !isReadOnly else { throw StoreError.readOnly(path: path, operation: operation) }
        guard !isDamaged.withLock({ $0 }) else { throw StoreError.corrupt(path: path) }
        do {
            return try pool.write(body)
        } catch {
            throw noting(error)
        }
    }

    /// Runs `body` on a snapshot of the store.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw noting(error)
        }
    }

    /// `storeError(error)`, remembering damage so no later write touches the store. (A store
    /// that opened and later reads as "not a database" is damaged too.)
    func noting(_ error: any Error) -> any Error {
        switch Self.storeError(error, path: path) {
        case StoreError.corrupt, StoreError.notADatabase:
            isDamaged.withLock { $0 = true }
            return StoreError.corrupt(path: path)
        case let translated:
            return translated
        }
    }

    public func changeToken() throws -> Int64 {
        do {
            return try changeMonitor.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw noting(error)
        }
    }

    /// The `StoreError` an SQLite failure means; other errors (a `StoreError`, an exception item
    /// the detector cannot compile) pass through unchanged.
    static func storeError(_ error: any Error, path: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.locked(path: path)
        case .SQLITE_NOTADB: return StoreError.notADatabase(path: path)
        case .SQLITE_CORRUPT: return StoreError.corrupt(path: path)
        case .SQLITE_READONLY:
            // (A `case` on a primary code would match its extended codes too.)
            let extended = error.extendedResultCode
            if extended == .SQLITE_READONLY_ROLLBACK { return StoreError.interruptedWrite(path: path) }
            let code = extended == .SQLITE_READONLY ? "" : ", SQLite code \(extended.rawValue)"
            return StoreError.readOnly(path: path, operation: "writing (\(message)\(code))")
        case .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH: return StoreError.permissionDenied(path: path, detail: message)
        default: return StoreError.database(path: path, message: message)
        }
    }
}
