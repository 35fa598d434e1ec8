import CZstd
import Synchronization

/// zstd decompression contexts kept for reuse: making one costs more than decompressing a
/// record (it was the largest cost of a drill-down page at 1 M alerts), and a page decompresses
/// one record per row. A context serves one decompression at a time; the pool keeps at most
/// `capacity` idle ones and frees the rest.
final class DecompressionContexts: Sendable {
    static let shared = DecompressionContexts()

    private static let capacity = 8
    private let idle = Mutex<[UInt]>([])

    /// Runs `body` with a context no other caller uses meanwhile; nil when zstd could not make one.
    func withContext<T>(_ body: (OpaquePointer) -> T) -> T? {
        let reused = idle.withLock { $0.popLast() }.flatMap(OpaquePointer.init(bitPattern:))
        guard let context = reused ?? ZSTD_createDCtx() else { return nil }
        let result = body(context)
        let kept = idle.withLock { contexts in
            guard contexts.count < Self.capacity else { return false }
            contexts.append(UInt(bitPattern: Int(bitPattern: context)))
            return true
        }
        if !kept { ZSTD_freeDCtx(context) }
        return result
    }
}
