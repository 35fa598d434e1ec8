import Foundation
import GRDB

/// The v24 migration: every record a row keeps alone in `event.original` moves into a
/// `RecordBlock`, the row keeping an empty `original` and its `record_ref` (`RecordReference`).
/// Rows are read `batchSize` (100,000) at a time in id order (memory stays bounded, `progress`
/// hears of each batch); a batch's records are placed by format, in id order within each
/// (`RecordBlockBuilder`). A value that does not read back as a record (a damaged one) stays as it
/// is. The rows shrink in place: the space the records leave inside event pages is not reused by
/// later rows (they go at the end), and comes back as the prune empties those pages, or with `VACUUM`.
enum RecordBlockCompaction {
    /// Runs the migration, `batchSize` rows a step (and between two reports to `progress`).
    static func run(_ db: Database, progress: MigrationProgress?, batchSize: Int = 100_000) throws {
        try db.execute(sql: "\(RecordBlocks.createSQL); ALTER TABLE event ADD COLUMN \(EventColumns.recordReferenceName) INTEGER")
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0
        let select = try db.makeStatement(sql: """
            SELECT e.id, coalesce((SELECT format FROM origin_file WHERE id = e.origin_id), ''), e.original FROM event e
            WHERE e.id > ? ORDER BY e.id LIMIT ?
            """)
        let update = try db.makeStatement(sql: "UPDATE event SET original = x'', record_ref = ? WHERE id = ?")
        let compressor = RecordCompressor()
        var after: Int64 = 0, done = 0
        while true {
            let rows = try Row.fetchAll(select, arguments: [after, batchSize])
            guard let last = rows.last else { return }
            var builder = RecordBlockBuilder()
            var placed: [(id: Int64, block: Int, slot: Int)] = []
            let byFormat = rows.enumerated().sorted { ($0.element[1] as String, $0.offset) < ($1.element[1] as String, $1.offset) }
            for (_, row) in byFormat {
                guard let text = record(row[2]) else { continue }
                let place = builder.add(text, format: row[1], compressor: compressor)
                placed.append((row[0], place.block, place.slot))
            }
            builder.close(compressor: compressor)
            let firstID = try RecordBlocks.nextID(db)
            var live = [Int](repeating: 0, count: builder.blocks.count)
            for record in placed { live[record.block] += 1 }
            for (index, block) in builder.blocks.enumerated() {
                try RecordBlocks.insert(db, id: firstID + Int64(index), live: live[index], block)
            }
            for record in placed {
                let reference = RecordReference.of(block: firstID + Int64(record.block), slot: record.slot)
                try update.execute(arguments: [reference, record.id])
            }
            after = last[0]
            done += rows.count
            progress?(done, total)
        }
    }

    /// The record a stored `original` holds (`StoredRecord`); nil for one that does not read back.
    private static func record(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .string(let text): text
        case .blob(let data): StoredRecord.decompressed(data).map { String(decoding: $0, as: UTF8.self) }
        case .null, .int64, .double: nil
        }
    }
}
