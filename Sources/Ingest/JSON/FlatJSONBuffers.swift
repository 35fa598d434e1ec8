/// The raw buffers a parse fills.
struct FlatJSONBuffers {
    /// A copy of the parsed bytes, followed by decoded strings and joined paths (nested keys).
    var bytes = RawBuffer<UInt8>(capacity: 1024)
    /// Every scalar in document order.
    var leaves = RawBuffer<FlatJSONLeaf>(capacity: 64)
    /// Open-addressing index (power-of-two size): the first leaf of each distinct path, or -1.
    var slots = RawBuffer<Int32>(capacity: 128)
    /// The last leaf of each slot's chain while the index is built.
    var chainTails = RawBuffer<Int32>(capacity: 128)

    func deallocate() {
        bytes.deallocate()
        leaves.deallocate()
        slots.deallocate()
        chainTails.deallocate()
    }
}
