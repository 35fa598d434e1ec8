import CZlib

/// Decompresses a gzip stream (one or more concatenated members, as `cat a.gz b.gz` makes) with
/// zlib. A stream that ends inside a member is an error, never a silent short read.
final class GzipSource: ByteSource {
    private let compressed: any ByteSource
    private let stream: UnsafeMutablePointer<z_stream>
    /// Compressed bytes waiting for zlib (owned; zlib keeps a pointer into it between calls).
    private let input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    private var memberEnded = false
    private var compressedBytes = 0

    static let inputBufferSize = 256 * 1024

    /// True when `head` starts with the gzip magic bytes 1f 8b.
    static func isGzip(_ head: [UInt8]) -> Bool {
        head.count >= 2 && head[0] == 0x1F && head[1] == 0x8B
    }

    init(compressed: any ByteSource) throws(SourceError) {
        self.compressed = compressed
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: Self.inputBufferSize, alignment: 16)
        // 15 + 16: a 32 KiB window, gzip framing.
        let status = inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            // Every property is set, so deinit releases the buffers.
            throw SourceError(message: "zlib could not start (status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SourceError) -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            if stream.pointee.avail_in == 0 && !inputEnded { try refill() }
            if memberEnded {
                // Another member follows, or the stream is complete.
                if stream.pointee.avail_in == 0 && inputEnded { return 0 }
                inflateReset(stream)
                memberEnded = false
            }
            if stream.pointee.avail_in == 0 && inputEnded {
                throw SourceError(message: "truncated gzip stream: it ends after \(compressedBytes) compressed "
                    + "bytes, inside a member")
            }
            stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = UInt32(clamping: buffer.count)
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = buffer.count - Int(stream.pointee.avail_out)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                memberEnded = true
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
                throw SourceError(message: "corrupt gzip data: \(detail)")
            }
            if produced > 0 { return produced }
        }
    }

    private func refill() throws(SourceError) {
        let count = try compressed.read(into: input)
        if count == 0 {
            inputEnded = true
            return
        }
        compressedBytes += count
        stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(count)
    }
}
