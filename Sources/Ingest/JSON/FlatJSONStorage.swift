/// The buffers behind a `FlatJSONObject`. A parsed object never changes them; `reparse` replaces
/// a storage that another copy of the object still shares, so objects keep value semantics.
/// That discipline is why the class can be `@unchecked Sendable`.
final class FlatJSONStorage: @unchecked Sendable {
    var buffers = FlatJSONBuffers()

    deinit { buffers.deallocate() }
}

/// One leaf: where its path and value bytes lie in `FlatJSONBuffers.bytes`, and the next leaf
/// with the same path (-1: none).
struct FlatJSONLeaf: BitwiseCopyable {
    var pathHash: UInt64
    var pathStart: Int32
    var pathCount: Int32
    var valueStart: Int32
    var valueCount: Int32
    var nextWithSamePath: Int32
    var isString: Bool
}

/// The raw buffers a parse fills.
struct FlatJSONBuffers {
    /// A copy of the parsed bytes, followed by decoded strings and joined paths.
    var bytes = RawBuffer<UInt8>(capacity: 1024)
    /// Every scalar in document order.
    var leaves = RawBuffer<FlatJSONLeaf>(capacity: 64)
    /// Open-addressing index (power-of-two size): the first leaf of each distinct path, or -1.
    var slots = RawBuffer<Int32>(capacity: 128)
    /// The last leaf of each slot's chain while the index is built.
    var chainTails = RawBuffer<Int32>(capacity: 128)
    /// The path of the value being parsed.
    var path = RawBuffer<UInt8>(capacity: 256)

    func deallocate() {
        bytes.deallocate()
        leaves.deallocate()
        slots.deallocate()
        chainTails.deallocate()
        path.deallocate()
    }
}
