/// A stream of input bytes: a file or pipe, or the decompressed content of one.
protocol ByteSource: AnyObject {
    /// Fills the start of `buffer` and returns how many bytes it wrote; 0 at the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SourceError) -> Int
}

/// Why the input stopped before its end: a read error, a truncated or corrupt gzip stream.
struct SourceError: Error, Equatable {
    var message: String
}
