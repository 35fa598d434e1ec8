import Foundation
import GRDB

/// The v12 migration: every original record stored as TEXT is compressed in place
/// (`StoredRecord`), a batch of rows at a time, so memory stays bounded on a large store, and a
/// final Packetbeat report drops the flow key only open reports are looked up by. Nothing else in
/// a row changes; freed space is reused by later rows (a `VACUUM` gives it back).
enum RecordCompaction {
    /// Rows read and rewritten per step.
    static let batchSize = 2_000

    static func run(_ db: Database) throws {
        let records = RecordCompressor()
        let select = try db.makeStatement(sql: """
            SELECT id, origin_format, original FROM event
            WHERE id > ? AND typeof(original) = 'text' ORDER BY id LIMIT \(batchSize)
            """)
        let update = try db.makeStatement(sql: """
            UPDATE event SET original = ?, flow_key = CASE WHEN is_final = 1 THEN NULL ELSE flow_key END WHERE id = ?
            """)
        var after: Int64 = 0
        while true {
            let rows = try Row.fetchAll(select, arguments: [after])
            guard let last = rows.last else { return }
            for row in rows {
                let compressed = records.compress(row[2], format: row[1])
                try update.execute(arguments: [compressed, row[0] as Int64])
            }
            after = last[0]
        }
    }
}
