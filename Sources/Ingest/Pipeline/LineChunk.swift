import Foundation

/// A run of complete lines cut from an input, numbered, or the place of one line too long to read.
struct LineChunk: Sendable {
    enum Content: Sendable {
        /// Whole lines with their terminators (the input's last line may lack one): the first
        /// `count` bytes of `buffer`.
        case lines(ChunkBuffer, count: Int)
        /// A line longer than `LineChunker.maximumLineLength`, skipped unread.
        case overlongLine
    }

    /// Position in the input, from 0: results are delivered in this order.
    var sequence: Int
    /// The 1-based number of the chunk's first line.
    var firstLine: Int
    var lineCount: Int
    var content: Content
}

extension LineChunk {
    /// Calls `body` with the chunk's line bytes; not at all for an `overlongLine`.
    func withLines(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard case .lines(let buffer, let count) = content else { return }
        body(UnsafeBufferPointer(start: buffer.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Calls `body` with each `\n`-terminated line (the last may be unterminated), without its
    /// `\n` or a `\r` before it. Stops when `body` returns false.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) -> Bool) {
        guard let base = baseAddress else { return }
        var start = 0
        while start < count {
            let end: Int
            if let newline = memchr(base + start, 0x0A, count - start) {
                end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            } else {
                end = count
            }
            var lineEnd = end
            if lineEnd > start, base[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            guard body(UnsafeBufferPointer(start: base + start, count: lineEnd - start)) else { return }
            start = end + 1
        }
    }

    /// Calls `body` with each line that starts with `marker` (without its `\n` or a `\r` before it),
    /// finding them with `memchr` for the marker: cheap when few lines start with it.
    func forEachLine(startingWith marker: UInt8, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let base = baseAddress else { return }
        var offset = 0
        while offset < count, let found = memchr(base + offset, Int32(marker), count - offset) {
            let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let end = memchr(base + start, 0x0A, count - start)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
            if start == 0 || base[start - 1] == 0x0A {
                let lineEnd = end > start && base[end - 1] == 0x0D ? end - 1 : end
                body(UnsafeBufferPointer(start: base + start, count: lineEnd - start))
            }
            offset = end + 1
        }
    }
}
