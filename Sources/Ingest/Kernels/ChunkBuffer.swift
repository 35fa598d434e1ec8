import Foundation

/// Memory for one chunk's bytes, recycled through a `ChunkBuffer.Pool` so that a long input
/// reuses a few buffers instead of faulting in fresh pages for every chunk. One of the Ingest
/// kernel files (see ARCHITECTURE.md): it owns raw memory and offers the chunker the few
/// operations it needs on it, each bounds-checked; `KernelDifferentialTests` checks them
/// against an array.
final class ChunkBuffer: @unchecked Sendable {
    /// The memory; written only by the chunker before the chunk is handed on, read-only after.
    private let bytes: UnsafeMutableRawBufferPointer

    init(capacity: Int) {
        bytes = .allocate(byteCount: capacity, alignment: 64)
    }

    deinit { bytes.deallocate() }

    /// How many bytes the buffer holds.
    var capacity: Int { bytes.count }

    /// A view of the first `count` bytes.
    func content(count: Int) -> LineBytes {
        precondition(count >= 0 && count <= capacity, "content beyond the buffer")
        return LineBytes(unsafeBuffer: UnsafeBufferPointer(start: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// Copies the bytes in `range` of `source` (this buffer or another) to `offset`; the two
    /// places may overlap.
    func copy(_ range: Range<Int>, of source: ChunkBuffer, to offset: Int) {
        precondition(range.lowerBound >= 0 && range.upperBound <= source.capacity, "copy from beyond the buffer")
        precondition(offset >= 0 && offset + range.count <= capacity, "copy to beyond the buffer")
        bytes.baseAddress!.advanced(by: offset)
            .copyMemory(from: source.bytes.baseAddress!.advanced(by: range.lowerBound), byteCount: range.count)
    }

    /// Reads from `source` into the bytes from `offset` to the end; returns how many it wrote
    /// (0 at the end of the input).
    func fill(from source: any ByteSource, at offset: Int) throws(SourceError) -> Int {
        precondition(offset >= 0 && offset <= capacity, "fill beyond the buffer")
        return try source.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[offset...]))
    }

    /// Turns every lone `\r` in `range` into `\n`, but a `\r` at its end
    /// (`ByteSearchKernel.turnLoneCarriageReturnsIntoLineFeeds`).
    func turnLoneCarriageReturnsIntoLineFeeds(in range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= capacity, "range beyond the buffer")
        ByteSearchKernel.turnLoneCarriageReturnsIntoLineFeeds(UnsafeMutableRawBufferPointer(rebasing: bytes[range]))
    }

    /// Buffers of one size that parsed chunks give back.
    final class Pool: @unchecked Sendable {
        let capacity: Int
        private let lock = NSLock()
        private var free: [ChunkBuffer] = []

        init(capacity: Int) {
            self.capacity = capacity
        }

        func obtain() -> ChunkBuffer {
            lock.lock()
            let buffer = free.popLast()
            lock.unlock()
            return buffer ?? ChunkBuffer(capacity: capacity)
        }

        func recycle(_ buffer: ChunkBuffer) {
            lock.lock()
            free.append(buffer)
            lock.unlock()
        }
    }
}
