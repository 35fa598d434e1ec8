import CZstd
import Foundation
import GRDB

/// A record's original text as `event.original` holds it: since schema v12 a BLOB made by
/// `RecordCompressor` (its dictionary's byte, then a zstd frame without its magic number),
/// before that the TEXT itself; since v24 an empty BLOB, the record being in a `RecordBlock`
/// (`StoredRecordReader`). Decompressed only for the rows a read returns.
enum StoredRecord {
    /// Shown in place of a stored record zstd cannot read back (a damaged page).
    static let unreadable = "(the stored record could not be decompressed)"

    /// The original text of a stored `original` value; empty for NULL.
    static func text(of value: DatabaseValue) -> String {
        switch value.storage {
        case .string(let text): text
        case .blob(let data): decompressed(data).map { String(decoding: $0, as: UTF8.self) } ?? unreadable
        case .null, .int64, .double: ""
        }
    }

    /// The bytes `RecordCompressor.compress` made `data` from; nil when `data` is not such a value.
    static func decompressed(_ data: Data) -> [UInt8]? {
        guard let first = data.first, let dictionary = RecordDictionary(rawValue: first) else { return nil }
        let frame = RecordCompressor.frameMagic + data.dropFirst()
        let size = frame.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        // Records are log lines of at most 1 MiB; a damaged frame may claim any size (unknown
        // and error sizes are the top values).
        guard size <= 1 << 24 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        let written = DecompressionContexts.shared.withContext { context in
            bytes.withUnsafeMutableBytes { output in
                frame.withUnsafeBytes { input in
                    ZSTD_decompress_usingDDict(context, output.baseAddress, output.count, input.baseAddress, input.count,
                                               dictionary.decompressionDictionary)
                }
            }
        }
        guard let written, ZSTD_isError(written) == 0, written == bytes.count else { return nil }
        return bytes
    }
}
