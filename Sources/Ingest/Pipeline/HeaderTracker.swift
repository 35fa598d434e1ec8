/// Follows the header of an input read by a `HeaderStatefulLineReader`, chunk after chunk on the
/// cutting thread: it reads each chunk's header lines with its own reader, so the header resets
/// exactly as the reader resets it, and hands out the reader as it stood at each chunk's start.
/// Chunks with no header line share one snapshot.
struct HeaderTracker<Reader: LineReader> {
    private var reader: Reader
    private let marker: UInt8
    /// The reader after the header lines of every chunk seen so far.
    private var current: ReaderSnapshot<Reader>

    /// A tracker starting from `reader` (primed for a resumed input); nil when `Reader` is not a
    /// `HeaderStatefulLineReader`.
    init?(startingFrom reader: Reader) {
        guard let headerStateful = Reader.self as? any HeaderStatefulLineReader.Type else { return nil }
        self.reader = reader
        marker = headerStateful.headerLineMarker
        current = ReaderSnapshot(reader)
    }

    /// The reader as it stands at `chunk`'s start; then reads the chunk's header lines.
    mutating func snapshot(atStartOf chunk: LineChunk) -> ReaderSnapshot<Reader> {
        let atStart = current
        var sawHeaderLine = false
        chunk.withLines { lines in
            lines.forEachLine(startingWith: marker) { line in
                // ChunkParser rejects such lines unread, so they must not count here either.
                guard line.count <= LineChunker.maximumLineLength, !line.holdsNUL else { return }
                _ = reader.read(line: line, number: 0)
                sawHeaderLine = true
            }
        }
        if sawHeaderLine { current = ReaderSnapshot(reader) }
        return atStart
    }
}
