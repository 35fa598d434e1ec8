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

    /// The first `limit` lines as text (terminators and a trailing `\r` removed, each cut at
    /// 64 KiB): the sample a `LineReader.recognizes` sees.
    func sampleLines(_ limit: Int) -> [String] {
        var sample: [String] = []
        withLines { lines in
            lines.forEachLine { line in
                sample.append(String(decoding: UnsafeBufferPointer(rebasing: line.prefix(65_536)), as: UTF8.self))
                return sample.count < limit
            }
        }
        return sample
    }
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
}
