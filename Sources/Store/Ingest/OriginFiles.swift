import Detection
import GRDB

/// The `origin_file` row (schema v15) of each file and format records are read from: each
/// event row holds its id, so a path is stored once, not once per flow. Ids are remembered for
/// the writer's transaction only (the one that may have added them).
struct OriginFiles {
    private struct Key: Hashable {
        let path: String
        let format: String
    }

    private var ids: [Key: Int64] = [:]
    private var insert: RawStatement
    private var lookup: RawStatement

    init(db: Database) throws {
        insert = try RawStatement(db, sql: "INSERT INTO origin_file (path, format) VALUES (?, ?) ON CONFLICT DO NOTHING")
        lookup = try RawStatement(db, sql: "SELECT id FROM origin_file WHERE path = ? AND format = ?")
    }

    /// The id of the row of `origin`'s file and format, added when there is none.
    mutating func id(of origin: RecordOrigin) throws -> Int64 {
        let key = Key(path: origin.path, format: origin.format)
        if let id = ids[key] { return id }
        insert.bind(key.path)
        insert.bind(key.format)
        try insert.execute()
        lookup.bind(key.path)
        lookup.bind(key.format)
        defer { lookup.reset() }
        guard try lookup.step(), let id = lookup.int64(0) else {
            preconditionFailure("origin_file row vanished inside its transaction")
        }
        ids[key] = id
        return id
    }
}
