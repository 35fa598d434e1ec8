import CZlib
import Foundation
import GRDB

/// A record's original text as `event.original` holds it: since schema v11 a BLOB made by
/// `RecordCompressor` (its dictionary's byte, then raw DEFLATE), before that the TEXT itself.
/// Decompressed only for the rows a read returns.
enum StoredRecord {
    /// Shown in place of a stored record zlib cannot read back (a damaged page).
    static let unreadable = "(the stored record could not be decompressed)"

    /// The original text of a stored `original` value; empty for NULL.
    static func text(of value: DatabaseValue) -> String {
        switch value.storage {
        case .string(let text): text
        case .blob(let data): decompress(data) ?? unreadable
        case .null, .int64, .double: ""
        }
    }

    /// The text `RecordCompressor.compress` made `data` from; nil when `data` is not such a value.
    static func decompress(_ data: Data) -> String? {
        guard let first = data.first, let dictionary = RecordDictionary(rawValue: first) else { return nil }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            inflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        guard inflateInit2_(stream, -RecordCompressor.windowBits, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        let preset = dictionary.bytes
        if !preset.isEmpty {
            let status = preset.withUnsafeBufferPointer { inflateSetDictionary(stream, $0.baseAddress, UInt32($0.count)) }
            guard status == Z_OK else { return nil }
        }
        var output = [UInt8](repeating: 0, count: max(1_024, data.count * 6))
        var produced = 0
        let finished: Bool = data.withUnsafeBytes { compressed in
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: compressed.baseAddress!.advanced(by: 1).assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = UInt32(compressed.count - 1)
            while true {
                if produced == output.count { output += repeatElement(0, count: output.count) }
                let status = output.withUnsafeMutableBufferPointer { buffer in
                    stream.pointee.next_out = buffer.baseAddress! + produced
                    stream.pointee.avail_out = UInt32(buffer.count - produced)
                    let status = inflate(stream, Z_NO_FLUSH)
                    produced = buffer.count - Int(stream.pointee.avail_out)
                    return status
                }
                switch status {
                case Z_STREAM_END: return true
                // Output full: grow it and go on; else the input ended inside the stream.
                case Z_OK, Z_BUF_ERROR: if produced < output.count { return false }
                default: return false
                }
            }
        }
        guard finished else { return nil }
        return String(decoding: output[..<produced], as: UTF8.self)
    }
}
