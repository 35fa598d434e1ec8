/// A run of bytes in the program's byte pool: one keyword, or one literal piece of a pattern.
struct ByteSpan: Sendable {
    var offset: Int32
    var length: Int32
}
