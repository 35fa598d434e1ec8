import CZstd
import Synchronization

/// zstd decompression contexts kept for reuse: making one costs more than decompressing a
/// record (it was the largest cost of a drill-down page at 1 M alerts), and a page decompresses
/// one record per row. A context serves one decompression at a time; the pool keeps at most
/// `capacity` idle ones and frees the rest.
final class DecompressionContexts: Sendable {
    static let shared = DecompressionContexts()

    /// A context while no caller holds it.
    private struct Idle: @unchecked Sendable {
        let context: OpaquePointer
    }

    private static let capacity = 8
    private let idle = Mutex<[Idle]>([])

    /// Runs `body` with a context no other caller uses meanwhile; nil when zstd could not make one.
    func withContext<T>(_ body: (OpaquePointer) -> T) -> T? {
        guard let context = idle.withLock({ $0.popLast()?.context }) ?? ZSTD_createDCtx() else { return nil }
        let result = body(context)
        let kept = idle.withLock { contexts in
            guard contexts.count < Self.capacity else { return false }
            contexts.append(Idle(context: context))
            return true
        }
        if !kept { ZSTD_freeDCtx(context) }
        return result
    }
}
