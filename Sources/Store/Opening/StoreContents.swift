import GRDB

/// What a database file holds before smbtriage writes to it, read without writing a byte.
enum StoreContents: Equatable {
    /// No table and no version (or only GRDB's empty bookkeeping table), with smbtriage's application id
    /// or none: a new store.
    case empty
    /// An smbtriage store with this schema version: it carries `SMBStore.applicationID`, or
    /// (made by an earlier release, which set none) it has smbtriage's tables and migrations.
    case store(version: Int)
    /// Another application's database.
    case foreign

    /// Reads the header fields and the table names of the database `db` is connected to.
    static func read(_ db: Database) throws -> StoreContents {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard applicationID == 0 || applicationID == SMBStore.applicationID else { return .foreign }
        let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        // A new file; or one a first run marked as a store (or, in an earlier release, gave GRDB's
        // bookkeeping table) and was stopped before its first migration committed.
        if version == 0, try tables.isEmpty || tables == ["grdb_migrations"]
            && Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") == 0 {
            return .empty
        }
        if applicationID == SMBStore.applicationID { return .store(version: version) }
        guard tables.isSuperset(of: ["grdb_migrations", "event", "alert", "audit"]) else { return .foreign }
        let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        return migrations.contains("v1") ? .store(version: version) : .foreign
    }
}
