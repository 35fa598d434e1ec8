import Foundation

/// The rollback journal (`-journal`) a process killed in the middle of a transaction leaves beside
/// the database file. SQLite rolls it back when a connection that may write next reads the file; a
/// read-only connection cannot (`SQLITE_READONLY_ROLLBACK`).
///
/// A new store's first two transactions (its first page, then the switch to WAL) go through such
/// a journal, so a process killed while creating a store leaves one.
enum HotJournal {
    /// SQLite's journal header begins with these 8 bytes once the journal is ready to roll back.
    private static let magic: [UInt8] = [0xD9, 0xD5, 0x05, 0xF9, 0x20, 0xA1, 0x63, 0xD7]
    /// Where the header keeps the database's size in pages when the transaction began.
    private static let pageCountOffset = 16

    /// True when the journal beside the database at `path` was written by a transaction that began
    /// on a database of at most one page: a file whose last commit holds no table (every table and
    /// index has a page of its own), so rolling it back changes nothing anyone stored.
    static func beganWithoutTables(_ path: String) -> Bool {
        guard let journal = FileHandle(forReadingAtPath: path + "-journal") else { return false }
        defer { try? journal.close() }
        guard let header = try? journal.read(upToCount: pageCountOffset + 4),
              header.count == pageCountOffset + 4, Array(header.prefix(magic.count)) == magic
        else { return false }
        let pageCount = header.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return pageCount <= 1
    }
}
