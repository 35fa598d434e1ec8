import Foundation

/// Reads the bytes `[start, end)` of a file with `pread`, whatever the descriptor's offset: the
/// part of a growing log that `watch` has not read yet.
final class FileRangeSource: ByteSource {
    private let descriptor: Int32
    private var offset: Int64
    private let end: Int64

    init(descriptor: Int32, start: Int64, end: Int64) {
        self.descriptor = descriptor
        offset = start
        self.end = end
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SourceError) -> Int {
        let wanted = Int(min(Int64(buffer.count), end - offset))
        guard wanted > 0 else { return 0 }
        while true {
            let count = pread(descriptor, buffer.baseAddress, wanted, off_t(offset))
            if count >= 0 {
                offset += Int64(count)
                return count
            }
            if errno == EINTR { continue }
            throw SourceError(message: "read failed: \(String(cString: strerror(errno)))")
        }
    }

    /// The offset just past the last `\n` in the first `size` bytes of the file (0 when none):
    /// where the complete lines end while a writer may be midway through the next one.
    static func endOfCompleteLines(descriptor: Int32, size: Int64) throws(SourceError) -> Int64 {
        let blockSize: Int64 = 64 * 1024
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Int(blockSize), alignment: 16)
        defer { buffer.deallocate() }
        var blockEnd = size
        while blockEnd > 0 {
            let blockStart = max(0, blockEnd - blockSize)
            let source = FileRangeSource(descriptor: descriptor, start: blockStart, end: blockEnd)
            var count = 0
            while blockStart + Int64(count) < blockEnd {
                let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
                if read == 0 { break }
                count += read
            }
            if let newline = buffer[..<count].lastIndex(of: 0x0A) { return blockStart + Int64(newline) + 1 }
            blockEnd = blockStart
        }
        return 0
    }
}
