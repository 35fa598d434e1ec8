import Foundation

/// Cutting a chunk into lines and the other looks the pipeline takes at every byte of its input,
/// with `memchr` (vectorized by the C library) on the raw bytes; each line goes to the readers as a
/// `Span`, so no reader sees a pointer. One of the Ingest kernel files (see ARCHITECTURE.md),
/// checked against a plain implementation in `KernelDifferentialTests`.
extension LineChunk {
    /// Calls `body` with the chunk's line bytes; not at all for an `overlongLine`.
    func withLines(_ body: (Span<UInt8>) -> Void) {
        guard case .lines(let buffer, let count) = content else { return }
        let bytes = UnsafeBufferPointer(start: buffer.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
        body(bytes.span)
    }
}

extension Span<UInt8> {
    /// Calls `body` with each `\n`-terminated line (the last may be unterminated), without its
    /// `\n` or a `\r` before it. Stops when `body` returns false.
    func forEachLine(_ body: (Span<UInt8>) -> Bool) {
        withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            while start < count {
                let end = memchr(base + start, 0x0A, count - start)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
                let lineEnd = end > start && base[end - 1] == 0x0D ? end - 1 : end
                guard body(extracting(unchecked: start..<lineEnd)) else { return }
                start = end + 1
            }
        }
    }

    /// Calls `body` with each line that starts with `marker` (without its `\n` or a `\r` before it),
    /// finding them with `memchr` for the marker: cheap when few lines start with it.
    func forEachLine(startingWith marker: UInt8, _ body: (Span<UInt8>) -> Void) {
        withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < count, let found = memchr(base + offset, Int32(marker), count - offset) {
                let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let end = memchr(base + start, 0x0A, count - start)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
                if start == 0 || base[start - 1] == 0x0A {
                    let lineEnd = end > start && base[end - 1] == 0x0D ? end - 1 : end
                    body(extracting(unchecked: start..<lineEnd))
                }
                offset = end + 1
            }
        }
    }

    /// True when the bytes hold a NUL, which no text log writes: the pipeline rejects such a line
    /// unread.
    var holdsNUL: Bool {
        withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, 0, bytes.count) != nil
        }
    }
}

extension String {
    /// The bytes decoded as UTF-8, each invalid sequence replaced by U+FFFD (as
    /// `String(decoding:as:)`, which takes no span).
    init(decodingUTF8 bytes: Span<UInt8>) {
        self = bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }
}
