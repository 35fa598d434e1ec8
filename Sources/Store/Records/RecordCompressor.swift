import CZlib
import Foundation

/// Compresses original records for `event.original` (`StoredRecord`): one byte naming the
/// record's `RecordDictionary`, then raw DEFLATE against that dictionary. One compressor serves
/// many records (its zlib stream is reset per record, not made anew); it belongs to one thread.
final class RecordCompressor {
    /// A 4 KiB window: records are short, and the state a reset clears stays small.
    static let windowBits: Int32 = 12
    private static let memoryLevel: Int32 = 4

    private let stream: UnsafeMutablePointer<z_stream>

    init() {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = deflateInit2_(stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -Self.windowBits, Self.memoryLevel,
                                   Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        // Only a failed allocation or a zlib built without DEFLATE fails here.
        precondition(status == Z_OK, "zlib could not start a compressor (status \(status))")
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// The stored value of `text`, a record of `format` (a `LogFormat` raw value).
    func compress(_ text: String, format: String) -> Data {
        let dictionary = RecordDictionary(format: format)
        deflateReset(stream)
        let preset = dictionary.bytes
        if !preset.isEmpty {
            preset.withUnsafeBufferPointer { _ = deflateSetDictionary(stream, $0.baseAddress, UInt32($0.count)) }
        }
        var text = text
        return text.withUTF8 { input in
            let bound = Int(deflateBound(stream, uLong(input.count)))
            var output = Data(count: 1 + bound)
            output[0] = dictionary.rawValue
            let status = output.withUnsafeMutableBytes { buffer in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = UInt32(input.count)
                stream.pointee.next_out = buffer.baseAddress!.advanced(by: 1).assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = UInt32(bound)
                return deflate(stream, Z_FINISH)
            }
            // deflateBound leaves room for any input, so one call always finishes.
            precondition(status == Z_STREAM_END, "zlib could not compress a record (status \(status))")
            output.count = 1 + bound - Int(stream.pointee.avail_out)
            return output
        }
    }
}
