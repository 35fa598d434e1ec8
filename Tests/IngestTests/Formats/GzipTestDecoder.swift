import CZlib
import Foundation

/// Decompresses a whole gzip file with zlib, for tests that read the `.gz` logs in shared/testdata
/// before the pipeline's own gzip reading is merged.
enum GzipTestDecoder {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The decompressed bytes of `data`, which may hold several gzip members.
    static func decompress(_ data: Data) throws -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = [UInt8](data)
        let inputCount = input.count
        try input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputCount)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { chunkBuffer -> Int32 in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if status == Z_STREAM_END {
                    if stream.avail_in == 0 { return }
                    guard inflateReset(&stream) == Z_OK else { throw Failure(description: "inflateReset failed") }
                } else if status != Z_OK {
                    throw Failure(description: "inflate failed with status \(status)")
                } else if stream.avail_in == 0, stream.avail_out != 0 {
                    throw Failure(description: "truncated gzip data")
                }
            }
        }
        return output
    }
}
