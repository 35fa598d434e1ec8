import Foundation

/// Reads a file descriptor, first handing out bytes already read from it (the sniffed head).
final class FileDescriptorSource: ByteSource {
    private let descriptor: Int32
    private var head: [UInt8]
    private var headOffset = 0
    /// Bytes handed out so far.
    private(set) var bytesRead = 0

    init(descriptor: Int32, head: [UInt8] = []) {
        self.descriptor = descriptor
        self.head = head
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SourceError) -> Int {
        guard buffer.count > 0 else { return 0 }
        if headOffset < head.count {
            let count = min(buffer.count, head.count - headOffset)
            head.withUnsafeBytes { bytes in
                buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + headOffset, byteCount: count)
            }
            headOffset += count
            if headOffset == head.count { head = [] }
            bytesRead += count
            return count
        }
        while true {
            let count = Foundation.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 {
                bytesRead += count
                return count
            }
            if errno == EINTR { continue }
            throw SourceError(message: "read failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Reads up to `count` bytes from the descriptor (fewer only at the end of the input).
    static func readHead(descriptor: Int32, count: Int) throws(SourceError) -> [UInt8] {
        let source = FileDescriptorSource(descriptor: descriptor)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0
        while filled < count {
            let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if read == 0 { break }
            filled += read
        }
        return Array(buffer[..<filled])
    }
}
