/// One leaf: where its path bytes lie in `FlatJSONBuffers.paths` and its value bytes in
/// `FlatJSONBuffers.bytes`, and the next leaf with the same path (-1: none).
struct FlatJSONLeaf: BitwiseCopyable {
    var pathHash: UInt64
    var pathStart: Int32
    var pathCount: Int32
    var valueStart: Int32
    var valueCount: Int32
    var nextWithSamePath: Int32
    var isString: Bool
}

extension FlatJSONLeaf {
    /// Where the path's bytes lie.
    var pathRange: Range<Int> { Int(pathStart)..<Int(pathStart + pathCount) }
    /// Where the value's bytes lie.
    var valueRange: Range<Int> { Int(valueStart)..<Int(valueStart + valueCount) }
}
