extension Span<UInt8> {
    /// True when the bytes start with a UTF-8 byte order mark (`EF BB BF`), which Windows tools
    /// write at the start of a file: the pipeline strips line terminators, not the mark. (A span
    /// cannot be returned from a function here, so readers drop it with `extracting(3...)`.)
    var startsWithByteOrderMark: Bool {
        count >= 3 && self[0] == 0xEF && self[1] == 0xBB && self[2] == 0xBF
    }

    /// True when every byte satisfies `predicate` (or there is none).
    @inline(__always)
    func allSatisfy(_ predicate: (UInt8) -> Bool) -> Bool {
        for index in indices where !predicate(self[index]) { return false }
        return true
    }

    /// True when the bytes hold only spaces and tabs (or nothing).
    var isBlank: Bool {
        allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}

extension String {
    /// The bytes as a string when they are valid UTF-8; nil otherwise.
    init?(validatingUTF8Bytes bytes: Span<UInt8>) {
        do {
            self.init(copying: try UTF8Span(validating: bytes))
        } catch {
            return nil
        }
    }
}
