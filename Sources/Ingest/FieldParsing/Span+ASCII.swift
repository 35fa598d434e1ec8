extension Span<UInt8> {
    /// True when the bytes are exactly `other`'s.
    @inline(__always)
    func equals(_ other: Span<UInt8>) -> Bool {
        guard count == other.count else { return false }
        for index in indices where self[index] != other[index] { return false }
        return true
    }

    /// True when the bytes spell `word` (ASCII) exactly.
    @inline(__always)
    func equals(_ word: StaticString) -> Bool {
        word.withUTF8Buffer { equals($0.span) }
    }
}
