/// Reading numbers and words from the UTF-8 text of a JSON value without making a `String`.
enum NumericText {
    /// A decimal integer (`-12`), or a number that is integral (`4.45e2`, `445.0`); nil otherwise.
    static func integer(_ bytes: LineBytes) -> Int64? {
        if let value = bytes.withSpan(plainInteger) { return value }
        guard bytes.count <= 64, let value = Double(String(decoding: bytes, as: UTF8.self)),
              value.isFinite, value.rounded() == value, abs(value) < 9.2e18 else { return nil }
        return Int64(value)
    }

    /// `-?[0-9]{1,18}` exactly; nil for anything else.
    @inline(__always)
    static func plainInteger(_ bytes: Span<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if bytes.count > 0, bytes[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        let digits = bytes.count - index
        guard digits > 0, digits <= 18 else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// True when the bytes spell `word` (ASCII, lowercase) in any letter case.
    static func equalsIgnoringCase(_ bytes: Span<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        for index in 0..<bytes.count where bytes[index] | 0x20 != expected[index] {
            return false
        }
        return true
    }
}
