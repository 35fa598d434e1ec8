import Foundation

/// Cuts a byte stream into `LineChunk`s of about `targetSize` bytes at line boundaries, numbering
/// the lines, stripping a leading UTF-8 byte-order mark. Memory stays bounded whatever the input:
/// a line longer than `maximumLineLength` is skipped (read and dropped) and reported as one
/// `overlongLine` chunk.
final class LineChunker {
    /// Lines longer than this (1 MiB) are rejected unread.
    static let maximumLineLength = 1 << 20

    let targetSize: Int
    private let source: any ByteSource
    /// The working buffer: the carried-over partial line, then fresh input.
    private let buffer: UnsafeMutableRawBufferPointer
    private var carried = 0
    private var ended = false
    private var skippingOverlongLine = false
    private var nextSequence = 0
    private var nextLine = 1

    init(source: any ByteSource, targetSize: Int = 2 << 20) {
        precondition(targetSize > Self.maximumLineLength, "a chunk must hold the longest line")
        self.source = source
        self.targetSize = targetSize
        buffer = .allocate(byteCount: targetSize + 64 * 1024, alignment: 64)
    }

    deinit { buffer.deallocate() }

    /// The next chunk, or nil at the end of the input.
    func next() throws(SourceError) -> LineChunk? {
        if skippingOverlongLine { return try skipOverlongLine() }
        var filled = carried
        while filled < targetSize && !ended {
            let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { ended = true }
            filled += count
        }
        var start = 0
        if nextSequence == 0, filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
        if ended {
            carried = 0
            guard filled > start else { return nil }
            return makeChunk(from: start, to: filled)
        }
        guard let lastNewline = buffer[start..<filled].lastIndex(of: 0x0A) else {
            carried = 0
            return try skipOverlongLine()
        }
        let end = lastNewline + 1
        let chunk = makeChunk(from: start, to: end)
        carried = filled - end
        if carried > Self.maximumLineLength {
            carried = 0
            skippingOverlongLine = true
        } else if carried > 0 {
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + end, byteCount: carried)
        }
        return chunk
    }

    private func makeChunk(from start: Int, to end: Int) -> LineChunk {
        let bytes = Array(UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
        var lines = 0
        for byte in bytes where byte == 0x0A { lines += 1 }
        if bytes.last != 0x0A { lines += 1 }
        defer {
            nextSequence += 1
            nextLine += lines
        }
        return LineChunk(sequence: nextSequence, firstLine: nextLine, lineCount: lines, content: .lines(bytes))
    }

    /// Reads past the end of the current (overlong) line and reports it.
    private func skipOverlongLine() throws(SourceError) -> LineChunk {
        skippingOverlongLine = false
        while !ended {
            let count = try source.read(into: buffer)
            if count == 0 {
                ended = true
                break
            }
            if let newline = memchr(buffer.baseAddress!, 0x0A, count) {
                let end = buffer.baseAddress!.distance(to: newline) + 1
                carried = count - end
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + end, byteCount: carried)
                break
            }
        }
        defer {
            nextSequence += 1
            nextLine += 1
        }
        return LineChunk(sequence: nextSequence, firstLine: nextLine, lineCount: 1, content: .overlongLine)
    }
}
