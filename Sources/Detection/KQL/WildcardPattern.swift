/// A keyword pattern with `*` wildcards (any run of characters, also none), matched on UTF-8 bytes
/// and case-sensitive as Elasticsearch's `wildcard` query on a keyword field is.
struct WildcardPattern: Hashable, Sendable {
    /// The literal pieces between the stars: `a*b*c` is `["a", "b", "c"]`; at least two pieces.
    private let pieces: [[UInt8]]

    init(pieces: [String]) {
        precondition(pieces.count >= 2, "a wildcard pattern has at least one *")
        self.pieces = pieces.map { Array($0.utf8) }
    }

    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(matches(bytes:))
    }

    private func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pieces.first, let last = pieces.last,
              bytes.count >= first.count + last.count,
              bytes.starts(with: first), bytes.reversed().starts(with: last.reversed())
        else { return false }
        var cursor = first.count
        let middleEnd = bytes.count - last.count
        for piece in pieces.dropFirst().dropLast() {
            guard let found = Self.firstIndex(of: piece, in: bytes, from: cursor, before: middleEnd) else {
                return false
            }
            cursor = found + piece.count
        }
        return true
    }

    /// Where `piece` first occurs wholly inside `bytes[from..<end]`.
    private static func firstIndex(of piece: [UInt8], in bytes: UnsafeBufferPointer<UInt8>,
                                   from start: Int, before end: Int) -> Int? {
        guard end - start >= piece.count else { return nil }
        for candidate in start...(end - piece.count)
        where bytes[candidate..<(candidate + piece.count)].elementsEqual(piece) {
            return candidate
        }
        return nil
    }
}
