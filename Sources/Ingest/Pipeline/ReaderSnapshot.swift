/// A `HeaderStatefulLineReader` as it stood at the start of one or more chunks, shared by them:
/// a worker whose reader started from another snapshot takes a copy of this one's.
///
/// `@unchecked` because the generic `Reader` is only known to be a `HeaderStatefulLineReader`
/// (hence `Sendable`) at run time: `HeaderTracker` makes snapshots of no other reader.
final class ReaderSnapshot<Reader: LineReader>: @unchecked Sendable {
    let reader: Reader

    init(_ reader: Reader) {
        self.reader = reader
    }
}
