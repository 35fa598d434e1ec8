import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// The bytes without a leading UTF-8 byte order mark (`EF BB BF`), which Windows tools write
    /// at the start of a file: the pipeline strips line terminators, not the mark.
    var droppingByteOrderMark: UnsafeBufferPointer<UInt8> {
        guard count >= 3, self[0] == 0xEF, self[1] == 0xBB, self[2] == 0xBF else { return self }
        return UnsafeBufferPointer(rebasing: self[3...])
    }

    /// True when the bytes hold only spaces and tabs (or nothing).
    var isBlank: Bool {
        allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// True when the bytes hold a NUL, which no text log writes: the pipeline rejects such a line
    /// unread.
    var holdsNUL: Bool {
        guard let baseAddress, count > 0 else { return false }
        return memchr(baseAddress, 0, count) != nil
    }
}
