import Foundation

/// Memory for one chunk's bytes, recycled through a `ChunkBuffer.Pool` so that a long input
/// reuses a few buffers instead of faulting in fresh pages for every chunk.
final class ChunkBuffer: @unchecked Sendable {
    /// The memory; written only by the chunker before the chunk is handed on, read-only after.
    let bytes: UnsafeMutableRawBufferPointer

    init(capacity: Int) {
        bytes = .allocate(byteCount: capacity, alignment: 64)
    }

    deinit { bytes.deallocate() }

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
