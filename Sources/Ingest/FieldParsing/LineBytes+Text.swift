extension LineBytes {
    /// The bytes without a leading UTF-8 byte order mark (`EF BB BF`), which Windows tools write
    /// at the start of a file: the pipeline strips line terminators, not the mark.
    var droppingByteOrderMark: LineBytes {
        guard count >= 3, self[0] == 0xEF, self[1] == 0xBB, self[2] == 0xBF else { return self }
        return extracting(droppingFirst: 3)
    }

    /// True when the bytes hold only spaces and tabs (or nothing).
    var isBlank: Bool {
        allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// True when the bytes hold a NUL, which no text log writes: the pipeline rejects such a line
    /// unread.
    var holdsNUL: Bool {
        firstIndex(of: 0, from: 0) != nil
    }
}
