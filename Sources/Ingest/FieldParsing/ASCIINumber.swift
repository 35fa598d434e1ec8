/// Parses numbers from ASCII bytes without building a `String`: the hot path of every text log.
enum ASCIINumber {
    /// An unsigned decimal integer (digits only, at most 18 of them); nil for anything else.
    @inline(__always)
    static func unsignedInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
        }
        return value
    }

    /// A port number, 0 through 65535.
    @inline(__always)
    static func port(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count <= 5, let value = unsignedInteger(bytes), value <= 65_535 else { return nil }
        return Int(value)
    }
}
