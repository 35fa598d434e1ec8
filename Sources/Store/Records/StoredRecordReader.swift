import Foundation
import GRDB

/// Reads the original records of the rows one read returns (`EventColumns.flow`): a row's own
/// `original` value (`StoredRecord`), or its slot of a `RecordBlock` (v24), each block
/// decompressed once however many of the read's rows share it. Made per read and used on its
/// thread; it keeps the last `kept` blocks, so a read of every alert holds a few, not all.
final class StoredRecordReader {
    private static let kept = 8
    /// Recently read blocks, the newest last: their id and records (nil for a damaged block).
    private var blocks: [(id: Int64, records: [String]?)] = []

    /// The record of a row whose `original`, `record_ref` and block's `data` are these values.
    func text(original: DatabaseValue, reference: Int64?, block: Data?) -> String {
        guard let reference else { return StoredRecord.text(of: original) }
        let records = records(ofBlock: RecordReference.block(of: reference), data: block)
        let slot = RecordReference.slot(of: reference)
        guard let records, slot < records.count else { return StoredRecord.unreadable }
        return records[slot]
    }

    private func records(ofBlock id: Int64, data: Data?) -> [String]? {
        if let cached = blocks.last(where: { $0.id == id }) { return cached.records }
        let records = data.flatMap(StoredRecord.decompressed).flatMap(RecordBlock.records(inContent:))
        if blocks.count == Self.kept { blocks.removeFirst() }
        blocks.append((id, records))
        return records
    }
}
