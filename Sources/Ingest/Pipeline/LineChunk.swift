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
    func withLines(_ body: (LineBytes) -> Void) {
        guard case .lines(let buffer, let count) = content else { return }
        body(buffer.content(count: count))
    }
}

extension LineBytes {
    /// Calls `body` with each `\n`-terminated line (the last may be unterminated), without its
    /// `\n` or a `\r` before it. Stops when `body` returns false.
    func forEachLine(_ body: (LineBytes) -> Bool) {
        var start = 0
        while start < count {
            let end = firstIndex(of: 0x0A, from: start) ?? count
            var lineEnd = end
            if lineEnd > start, self[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            guard body(extracting(start..<lineEnd)) else { return }
            start = end + 1
        }
    }

    /// Calls `body` with each line that starts with `marker` (without its `\n` or a `\r` before it),
    /// finding them with `memchr` for the marker: cheap when few lines start with it.
    func forEachLine(startingWith marker: UInt8, _ body: (LineBytes) -> Void) {
        var offset = 0
        while let start = firstIndex(of: marker, from: offset) {
            let end = firstIndex(of: 0x0A, from: start) ?? count
            if start == 0 || self[start - 1] == 0x0A {
                let lineEnd = end > start && self[end - 1] == 0x0D ? end - 1 : end
                body(extracting(start..<lineEnd))
            }
            offset = end + 1
        }
    }
}
