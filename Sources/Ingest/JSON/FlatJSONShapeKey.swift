/// One key of the shape the parser remembers from the lines it parsed: most NDJSON lines of one
/// sensor have the same keys in the same order, so the parser compares each key's raw text with
/// the key the shape expects at that place and, when they agree, reuses its joined path and hash
/// instead of decoding, hashing and joining the key again (`FlatJSONParser.parseKey`). The bytes
/// it points to lie in `FlatJSONBuffers.paths`.
struct FlatJSONShapeKey: BitwiseCopyable {
    /// The index of the key whose object holds this one, or -1 at the top level.
    var parent: Int32
    /// Where this key's bytes begin in `paths`: the shape is cut back to here when a line differs.
    var storageStart: Int32
    /// The key's text between its quotes as the line wrote it (escapes not decoded).
    var rawStart: Int32
    var rawCount: Int32
    /// The dotted path the key makes under its parent, and the path's hash.
    var pathStart: Int32
    var pathCount: Int32
    var pathHash: UInt64
    /// How many decoded bytes the key's escapes made (0 when it has none): parsing the key again
    /// would have written them into `bytes`, which the storage limit counts.
    var decodedCount: Int32
}
