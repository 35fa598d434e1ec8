import CZlib
import Foundation

/// Compresses original records for `event.original` (`StoredRecord`): one byte naming the
/// record's `RecordDictionary`, then raw DEFLATE against that dictionary. It keeps one zlib stream
/// per dictionary already primed with it and compresses each record in a copy of that stream
/// (`deflateCopy`), which costs less than setting the dictionary again after a reset (zlib
/// forgets it on `deflateReset`). It belongs to one thread.
final class RecordCompressor {
    /// A 4 KiB window: records are short, and the state a copy duplicates stays small.
    static let windowBits: Int32 = 12
    private static let memoryLevel: Int32 = 4

    /// The primed stream of each dictionary, by raw value; made at its first record.
    private var primed: [UnsafeMutablePointer<z_stream>?] = Array(repeating: nil, count: RecordDictionary.allCases.count)
    /// The copy a record is compressed in; its state is freed after each record.
    private let working: UnsafeMutablePointer<z_stream>

    init() {
        working = .allocate(capacity: 1)
        working.initialize(to: z_stream())
    }

    deinit {
        for case let stream? in primed {
            deflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        working.deinitialize(count: 1)
        working.deallocate()
    }

    /// The stored value of `text`, a record of `format` (a `LogFormat` raw value).
    func compress(_ text: String, format: String) -> Data {
        let dictionary = RecordDictionary(format: format)
        let status = deflateCopy(working, primedStream(for: dictionary))
        // Only a failed allocation fails here.
        precondition(status == Z_OK, "zlib could not copy a compressor (status \(status))")
        defer { deflateEnd(working) }
        var text = text
        return text.withUTF8 { input in
            let bound = Int(deflateBound(working, uLong(input.count)))
            var output = Data(count: 1 + bound)
            output[0] = dictionary.rawValue
            let status = output.withUnsafeMutableBytes { buffer in
                working.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                working.pointee.avail_in = UInt32(input.count)
                working.pointee.next_out = buffer.baseAddress!.advanced(by: 1).assumingMemoryBound(to: Bytef.self)
                working.pointee.avail_out = UInt32(bound)
                return deflate(working, Z_FINISH)
            }
            // deflateBound leaves room for any input, so one call always finishes.
            precondition(status == Z_STREAM_END, "zlib could not compress a record (status \(status))")
            output.count = 1 + bound - Int(working.pointee.avail_out)
            return output
        }
    }

    /// A stream that has `dictionary` set and has compressed nothing yet.
    private func primedStream(for dictionary: RecordDictionary) -> UnsafeMutablePointer<z_stream> {
        if let stream = primed[Int(dictionary.rawValue)] { return stream }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = deflateInit2_(stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -Self.windowBits, Self.memoryLevel,
                                   Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        // Only a failed allocation or a zlib built without DEFLATE fails here.
        precondition(status == Z_OK, "zlib could not start a compressor (status \(status))")
        let preset = dictionary.bytes
        if !preset.isEmpty {
            preset.withUnsafeBufferPointer { _ = deflateSetDictionary(stream, $0.baseAddress, UInt32($0.count)) }
        }
        primed[Int(dictionary.rawValue)] = stream
        return stream
    }
}
