/// Zeek's TSV string escaping: separators and unprintable bytes as `\xNN`, a backslash as `\\`.
enum ZeekTSVEscaping {
    /// The text of a column, unescaped; the common case without a backslash copies once.
    @inline(__always)
    static func text(_ bytes: LineBytes) -> String {
        guard bytes.firstIndex(of: UInt8(ascii: "\\"), from: 0) != nil else { return bytes.decodedString }
        return String(decoding: unescaped(bytes), as: UTF8.self)
    }

    /// The bytes with every `\xNN` and `\\` replaced by the byte it stands for; any other
    /// backslash is kept as written.
    static func unescaped(_ bytes: LineBytes) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                if next == UInt8(ascii: "\\") {
                    result.append(next)
                    index += 2
                    continue
                }
                if next == UInt8(ascii: "x"), index + 3 < bytes.count,
                   let high = hexValue(bytes[index + 2]), let low = hexValue(bytes[index + 3]) {
                    result.append(high << 4 | low)
                    index += 4
                    continue
                }
            }
            result.append(byte)
            index += 1
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
