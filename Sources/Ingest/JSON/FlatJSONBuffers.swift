/// The raw buffers a parse fills.
struct FlatJSONBuffers {
    /// A copy of the parsed bytes, followed by decoded strings.
    var bytes = RawBuffer<UInt8>(capacity: 1024)
    /// Every scalar in document order.
    var leaves = RawBuffer<FlatJSONLeaf>(capacity: 64)
    /// Open-addressing index (power-of-two size): the first leaf of each distinct path, or -1.
    var slots = RawBuffer<Int32>(capacity: 128)
    /// The last leaf of each slot's chain while the index is built.
    var chainTails = RawBuffer<Int32>(capacity: 128)
    /// The keys of the remembered shape, in the order the lines wrote them; kept across parses.
    var shape = RawBuffer<FlatJSONShapeKey>(capacity: 32)
    /// The shape's key texts and dotted paths, which leaves point to; kept across parses.
    var paths = RawBuffer<UInt8>(capacity: 512)

    func deallocate() {
        bytes.deallocate()
        leaves.deallocate()
        slots.deallocate()
        chainTails.deallocate()
        shape.deallocate()
        paths.deallocate()
    }
}
