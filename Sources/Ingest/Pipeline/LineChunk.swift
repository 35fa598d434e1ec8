/// A run of complete lines cut from an input, numbered, or the place of one line too long to read.
struct LineChunk: Sendable {
    enum Content: Sendable {
        /// Whole lines with their terminators (the input's last line may lack one): the first
        /// `count` bytes of `buffer`.
        case lines(ChunkBuffer, count: Int)
        /// A line longer than `LineChunker.maximumLineLength`, skipped unread.
        case overlongLine
    }

    /// Position in the input, from 0: results are delivered in this order.
    var sequence: Int
    /// The 1-based number of the chunk's first line.
    var firstLine: Int
    var lineCount: Int
    var content: Content
}
