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
    /// Where the header keeps the database's page size.
    private static let pageSizeOffset = 24

    /// True when the journal beside the database at `path` is what a store's creation killed
    /// half way leaves: a transaction that began on a file of at most one page (no table: every
    /// table and index has a page of its own), beside a file still of at most one page. A journal
    /// left beside a file restored or replaced since (a real store is many pages) is not: rolling
    /// it back would cut that file down to the page the journal began on.
    static func beganWithoutTables(_ path: String) -> Bool {
        guard let journal = FileHandle(forReadingAtPath: path + "-journal") else { return false }
        defer { try? journal.close() }
        guard let header = try? journal.read(upToCount: pageSizeOffset + 4),
              header.count == pageSizeOffset + 4, Array(header.prefix(magic.count)) == magic
        else { return false }
        let field = { (offset: Int) in header[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        let pageSize = field(pageSizeOffset)
        return field(pageCountOffset) <= 1 && (512...65_536).contains(pageSize) && StoreFile.size(path) <= pageSize
    }
}
