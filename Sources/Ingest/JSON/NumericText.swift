/// Reading numbers and words from the UTF-8 text of a JSON value without making a `String`.
enum NumericText {
    /// A decimal integer (`-12`, up to `Int64.max` exactly), or a JSON number that is integral
    /// (`4.45e2`, `445.0`) and fits Int64; nil otherwise, and for any byte a JSON number cannot
    /// hold (a NUL, a space, a hex float such as `0x1BD`): `Double(String)` reads such text up to
    /// the NUL or as hex.
    static func integer(_ bytes: LineBytes) -> Int64? {
        if let value = bytes.withSpan(plainInteger) { return value }
        guard bytes.count <= 64, bytes.allSatisfy(isNumberByte),
              let value = Double(String(decoding: bytes, as: UTF8.self)),
              value.isFinite, value.rounded() == value,
              // Int64.max is not a Double; 2^63 is the first value that does not fit.
              value >= -9.223_372_036_854_775_808e18, value < 9.223_372_036_854_775_808e18 else { return nil }
        return Int64(value)
    }

    /// `-?[0-9]{1,19}` exactly, within Int64's range; nil for anything else.
    @inline(__always)
    static func plainInteger(_ bytes: Span<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if bytes.count > 0, bytes[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        let digits = bytes.count - index
        guard digits > 0, digits <= 19 else { return nil }
        // 19 digits stay below 10^19 < 2^64: the magnitude cannot wrap.
        var magnitude: UInt64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            magnitude = magnitude &* 10 &+ UInt64(digit)
            index += 1
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return Int64(truncatingIfNeeded: 0 &- magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// A byte of JSON's number grammar: a digit, a sign, the point or an exponent mark.
    @inline(__always)
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
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
