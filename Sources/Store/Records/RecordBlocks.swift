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

    /// The rows each block points into, grouped from every event row (a walk of them all).
    private static let rowsPerBlock = """
        SELECT \(RecordReference.blockSQL("record_ref")) AS id, COUNT(*) AS rows FROM event
        WHERE record_ref IS NOT NULL GROUP BY 1
        """

    /// The first `limit` blocks whose `live` is not the count of the rows pointing into them: each
    /// block's id, its `live` and that count. What `store check` compares.
    static func miscounted(_ db: Database, limit: Int = 10) throws -> [(id: Int64, live: Int, rows: Int)] {
        try Row.fetchAll(db, sql: """
            WITH counted AS (\(rowsPerBlock))
            SELECT b.id, b.live, coalesce(c.rows, 0) FROM record_block b LEFT JOIN counted c ON c.id = b.id
            WHERE b.live != coalesce(c.rows, 0) ORDER BY b.id LIMIT ?
            """, arguments: [limit]).map { ($0[0], $0[1], $0[2]) }
    }

    /// Sets each block's `live` from the rows pointing into it and deletes the blocks none does.
    static func recount(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE block_rows AS \(rowsPerBlock);
            UPDATE record_block SET live = coalesce((SELECT rows FROM temp.block_rows r WHERE r.id = record_block.id), 0);
            DELETE FROM record_block WHERE live = 0;
            DROP TABLE temp.block_rows;
            """)
    }
}
