import Foundation
import GRDB

/// Reads the original records of the rows one read returns (`EventColumns.flow`): a row's own
/// `original` value (`StoredRecord`), or its slot of a `RecordBlock` (v24), each block read from
/// the store and decompressed once however many of the read's rows share it. Made per read, on
/// its connection, and used on its thread; it keeps the last `kept` blocks, so a read of every
/// alert holds a few, not all.
final class StoredRecordReader {
    private static let kept = 8
    private let db: Database
    /// Recently read blocks, the newest last: their id and records (nil for a damaged or missing block).
    private var blocks: [(id: Int64, records: [String]?)] = []

    /// A reader of the records `db` holds.
    init(_ db: Database) {
        self.db = db
    }

    /// The record of a row whose `original` and `record_ref` are these values.
    func text(original: DatabaseValue, reference: Int64?) throws -> String {
        guard let reference else { return StoredRecord.text(of: original) }
        let records = try records(ofBlock: RecordReference.block(of: reference))
        let slot = RecordReference.slot(of: reference)
        guard let records, slot < records.count else { return StoredRecord.unreadable }
        return records[slot]
    }

    private func records(ofBlock id: Int64) throws -> [String]? {
        if let cached = blocks.last(where: { $0.id == id }) { return cached.records }
        let data = try Data.fetchOne(db.cachedStatement(sql: "SELECT data FROM record_block WHERE id = ?"), arguments: [id])
        let records = data.flatMap(StoredRecord.decompressed).flatMap(RecordBlock.records(inContent:))
        if blocks.count == Self.kept { blocks.removeFirst() }
        blocks.append((id, records))
        return records
    }
}
