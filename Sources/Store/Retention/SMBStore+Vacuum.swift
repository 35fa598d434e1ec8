import GRDB

extension SMBStore {
    /// Pages one incremental-vacuum transaction gives back at most (16 MB of 16 KiB pages).
    private static let vacuumPagesPerTransaction = 1_024

    /// True when freed pages go back to the file system after a prune (`auto_vacuum` is
    /// INCREMENTAL: every store made since schema v4, and older ones after their first `prune`).
    public func vacuumsIncrementally() throws -> Bool {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") == 2 }
    }

    /// Switches incremental vacuum on for a store made before it was the default: one VACUUM,
    /// which rewrites the whole file (it needs free space of the store's size and holds the
    /// writer until done). Returns false when it was on already.
    @discardableResult
    public func switchOnIncrementalVacuum() throws -> Bool {
        guard try !vacuumsIncrementally() else { return false }
        guard !isReadOnly else { throw StoreError.readOnly(path: path, operation: "vacuuming") }
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
                try db.execute(sql: "VACUUM")
                _ = try db.checkpoint(.truncate)
            }
        } catch {
            throw noting(error)
        }
        return true
    }

    /// Gives the free pages back to the file system, a bounded number per transaction, then
    /// checkpoints so the database file itself shrinks. Does nothing unless the store vacuums
    /// incrementally.
    func releaseFreePages() throws {
        guard try vacuumsIncrementally() else { return }
        while try write("releasing free pages", { db in
            try db.execute(sql: "PRAGMA incremental_vacuum(\(Self.vacuumPagesPerTransaction))")
            return try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
        }) > 0 {}
        do {
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
        } catch {
            throw noting(error)
        }
    }

    /// Copies the write-ahead log into the database and truncates it to zero bytes, so the
    /// files' sizes show what the store holds (after a prune). Waits for readers at most the
    /// busy timeout.
    public func truncateWriteAheadLog() throws {
        guard !isReadOnly else { return }
        do {
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch {
            throw noting(error)
        }
    }
}
