import Foundation

/// The byte searches the readers run over every byte of their input, on raw pointers for speed.
/// One of the Ingest kernel files (see ARCHITECTURE.md): the unsafe code the readers keep lives
/// in them, each checked against a plain implementation on generated inputs.
enum ByteSearchKernel {
    /// The index of the first `separator` at or after `start`, or the line's end. Eight bytes at a
    /// time: a column is a few bytes, so one word usually holds its end.
    @inline(__always)
    static func index(of separator: UInt8, in line: LineBytes, from start: Int) -> Int {
        let count = line.count
        guard let base = line.unsafeBuffer.baseAddress else { return count }
        let pattern = UInt64(separator) &* 0x0101_0101_0101_0101
        var index = start
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian ^ pattern
            let zeroBytes = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
            if zeroBytes != 0 { return index + zeroBytes.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < count, base[index] != separator { index += 1 }
        return index
    }

    /// How many `\n` bytes `bytes` holds, found with `memchr` (vectorized by the C library):
    /// log lines are hundreds of bytes long, so this looks at each byte far more cheaply than a
    /// word-at-a-time count.
    static func newlines(in bytes: LineBytes) -> Int {
        guard let base = UnsafeRawPointer(bytes.unsafeBuffer.baseAddress) else { return 0 }
        let end = base + bytes.count
        var cursor = base
        var count = 0
        while cursor < end, let newline = memchr(cursor, 0x0A, end - cursor) {
            count += 1
            cursor = UnsafeRawPointer(newline) + 1
        }
        return count
    }

    /// Turns every lone `\r` in `bytes` (one not followed by `\n`) into `\n`, so that LF, CRLF and
    /// a lone CR all end a line, mixed in one input. A `\r` that is the last byte is left: the
    /// byte after it decides, and the caller looks again once it has read it (a `\r` before a
    /// `\n` stays, and readers drop it with the `\n`; so does a `\r` that ends the input).
    static func turnLoneCarriageReturnsIntoLineFeeds(_ bytes: UnsafeMutableRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var cursor = base
        let last = base + bytes.count - 1
        while cursor < last, let found = memchr(cursor, 0x0D, last - cursor) {
            let next = found + 1
            if next.load(as: UInt8.self) != 0x0A { found.storeBytes(of: 0x0A, as: UInt8.self) }
            cursor = next
        }
    }
}
