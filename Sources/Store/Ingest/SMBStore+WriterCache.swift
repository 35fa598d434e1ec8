import GRDB

extension SMBStore {
    /// Sets the writer connection's page cache to `megabytes` until the store is closed (64 MB
    /// when opened). A bulk load into a store of many gigabytes (the scale benchmark's 10 M
    /// flows) touches random pages of indexes far larger than 64 MB on every batch; a cache that
    /// holds them spares re-reading each page from the file system. Nothing stored changes.
    public func setWriterCache(megabytes: Int) throws {
        guard !isReadOnly else { throw StoreError.readOnly(path: path, operation: "setting the writer's cache") }
        do {
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = \(-1024 * max(1, megabytes))") }
        } catch {
            throw noting(error)
        }
    }
}
