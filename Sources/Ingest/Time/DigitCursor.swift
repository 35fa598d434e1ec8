/// Steps through the bytes of a timestamp: fixed-width digit groups, separators, fractions and
/// UTC offsets.
struct DigitCursor {
    private let bytes: LineBytes
    private var position = 0

    init(_ bytes: LineBytes) {
        self.bytes = bytes
    }

    var atEnd: Bool { position == bytes.count }

    /// Exactly `count` decimal digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let digit = bytes[position + offset] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        position += count
        return value
    }

    /// Steps over one byte that is any of `separators`; false (not moving) otherwise.
    mutating func skip(anyOf separators: StaticString) -> Bool {
        guard position < bytes.count else { return false }
        let byte = bytes[position]
        for index in 0..<separators.utf8CodeUnitCount where separators.utf8Start[index] == byte {
            position += 1
            return true
        }
        return false
    }

    /// One or more digits after a decimal point, as a fraction of a second (nanosecond precision kept).
    mutating func fraction() -> Double? {
        var numerator = 0
        var denominator = 1
        let start = position
        while position < bytes.count {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            if denominator < 1_000_000_000 {
                numerator = numerator * 10 + Int(digit)
                denominator *= 10
            }
            position += 1
        }
        return position > start ? Double(numerator) / Double(denominator) : nil
    }

    /// `Z`, `±HH:MM`, `±HHMM` or `±HH`, as seconds east of UTC.
    mutating func zoneOffset() -> Int? {
        if skip(anyOf: "Zz") { return 0 }
        guard position < bytes.count else { return nil }
        let sign: Int
        switch bytes[position] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        position += 1
        guard let hours = digits(2), hours <= 23 else { return nil }
        var minutes = 0
        if !atEnd {
            _ = skip(anyOf: ":")
            guard let value = digits(2), value < 60 else { return nil }
            minutes = value
        }
        return sign * (hours * 3_600 + minutes * 60)
    }
}
