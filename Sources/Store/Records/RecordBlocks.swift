import GRDB

/// The `record_block` rows (v24): each a `RecordBlock` and `live`, the count of event rows whose
/// `record_ref` points into it (`RecordReference`), so the path that removes or replaces a row
/// deletes the block with its last row, without an index on `record_ref` (~20 bytes a flow).
/// A duplicate's slot in a written block is not counted.
enum RecordBlocks {
    /// The table, made by the v24 migration (`RecordBlockCompaction`). AUTOINCREMENT keeps the
    /// highest id ever taken (`sqlite_sequence`), so a block id is never taken twice: a row left
    /// pointing at a deleted block reads as unreadable, never as another flow's record.
    static let createSQL = """
        CREATE TABLE record_block (id INTEGER PRIMARY KEY AUTOINCREMENT, live INTEGER NOT NULL, data BLOB NOT NULL)
        """

    /// The id the next new block takes: above every id taken so far, deleted blocks' too (as
    /// SQLite picks an AUTOINCREMENT id).
    static func nextID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: """
            SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'record_block'), 0),
                       coalesce((SELECT max(id) FROM record_block), 0)) + 1
            """) ?? 1
    }

    /// Writes block `id` holding `block`, `live` rows pointing into it.
    static func insert(_ db: Database, id: Int64, live: Int, _ block: RecordBlock) throws {
        try db.cachedStatement(sql: "INSERT INTO record_block (id, live, data) VALUES (?, ?, ?)")
            .execute(arguments: [id, live, block.data])
    }

    /// Takes `rows[id]` rows off the live count of each block `id`; deletes the blocks left with none.
    static func release(_ db: Database, rows: [Int64: Int]) throws {
        let take = try db.cachedStatement(sql: "UPDATE record_block SET live = live - ? WHERE id = ?")
        let remove = try db.cachedStatement(sql: "DELETE FROM record_block WHERE id = ? AND live <= 0")
        for (id, count) in rows.sorted(by: { $0.key < $1.key }) {
            try take.execute(arguments: [count, id])
            try remove.execute(arguments: [id])
        }
    }

    /// `release`s the blocks of the event rows `e` of the FROM clause `events` (a prune batch's),
    /// before they are deleted.
    static func release(_ db: Database, recordsOf events: String) throws {
        var rows: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT \(RecordReference.blockSQL("e.record_ref")), COUNT(*) \(events) WHERE e.record_ref IS NOT NULL GROUP BY 1
            """) {
            rows[row[0]] = row[1]
        }
        try release(db, rows: rows)
    }

    /// The blocks' counts of their rows compared with the rows (`check`).
    struct Check {
        /// Every block whose `live` is not the count of the rows pointing into it, in id order:
        /// its id, its `live` and that count.
        var miscounted: [(id: Int64, live: Int, rows: Int)] = []
        /// The rows pointing into a block that does not exist: their records are lost.
        var rowsWithoutBlock = 0
    }

    /// Compares each block's `live` with the rows pointing into it: one walk of the event rows
    /// (their count per block, kept in memory: about 20 MB for a store of ten million flows) and
    /// one of the blocks, so its cost grows with the rows and blocks, not their product.
    static func check(_ db: Database) throws -> Check {
        var rowsPerBlock: [Int64: Int] = [:]
        let counted = try Row.fetchCursor(db, sql: """
            SELECT \(RecordReference.blockSQL("record_ref")), COUNT(*) FROM event WHERE record_ref IS NOT NULL GROUP BY 1
            """)
        while let row = try counted.next() { rowsPerBlock[row[0]] = row[1] }
        var check = Check()
        let blocks = try Row.fetchCursor(db, sql: "SELECT id, live FROM record_block ORDER BY id")
        while let block = try blocks.next() {
            let id: Int64 = block[0], live: Int = block[1]
            let rows = rowsPerBlock.removeValue(forKey: id) ?? 0
            if live != rows { check.miscounted.append((id, live, rows)) }
        }
        check.rowsWithoutBlock = rowsPerBlock.values.reduce(0, +)
        return check
    }

    /// Sets the `live` of each block `check` found miscounted to the rows pointing into it, and
    /// deletes those none does.
    static func recount(_ db: Database, _ check: Check) throws {
        let set = try db.cachedStatement(sql: "UPDATE record_block SET live = ? WHERE id = ?")
        let remove = try db.cachedStatement(sql: "DELETE FROM record_block WHERE id = ?")
        for block in check.miscounted {
            if block.rows == 0 {
                try remove.execute(arguments: [block.id])
            } else {
                try set.execute(arguments: [block.rows, block.id])
            }
        }
    }
}
