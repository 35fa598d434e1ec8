import GRDB

extension SMBStore {
    /// Where `smbtriage watch` stopped reading `path`, or nil when it never read it.
    public func checkpoint(path: String) throws -> FileCheckpoint? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT path, device, inode, byte_offset, line FROM file_checkpoint WHERE path = ?
                """, arguments: [path]).map { row in
                FileCheckpoint(path: row[0], device: UInt64(bitPattern: row[1]), inode: UInt64(bitPattern: row[2]),
                               offset: row[3], line: row[4])
            }
        }
    }

    /// Records how far `smbtriage watch` has read a file (replacing the earlier checkpoint).
    public func saveCheckpoint(_ checkpoint: FileCheckpoint) throws {
        try write("saving a watch checkpoint") { db in
            try db.execute(sql: """
                INSERT INTO file_checkpoint (path, device, inode, byte_offset, line) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET device = excluded.device, inode = excluded.inode,
                    byte_offset = excluded.byte_offset, line = excluded.line
                """, arguments: [checkpoint.path, Int64(bitPattern: checkpoint.device),
                                 Int64(bitPattern: checkpoint.inode), checkpoint.offset, checkpoint.line])
        }
    }
}
