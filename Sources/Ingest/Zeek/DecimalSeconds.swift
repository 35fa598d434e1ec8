import Foundation

/// A non-negative decimal number of seconds with up to nanosecond precision, parsed exactly from
/// ASCII (`1521911721.382822`, `10.761076927185059`, `0`): Zeek's `time` and `interval` values.
struct DecimalSeconds: Equatable {
    var seconds: Int64
    var nanoseconds: Int64

    /// Parses `digits[.digits]`; digits past the ninth decimal are truncated. Nil for anything else
    /// (signs, exponents, masked `XXXXXXXXXX.XXXXXX` values).
    @inline(__always)
    init?(ascii bytes: Span<UInt8>) {
        var index = 0
        let count = bytes.count
        var whole: Int64 = 0
        while index < count, bytes[index] != UInt8(ascii: ".") {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10, index < 15 else { return nil }
            whole = whole &* 10 &+ Int64(digit)
            index += 1
        }
        guard index > 0 else { return nil }
        var fraction: Int64 = 0
        var scale: Int64 = 1_000_000_000
        if index < count {
            index += 1
            guard index < count else { return nil }
            while index < count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                if scale > 1 {
                    scale /= 10
                    fraction += Int64(digit) * scale
                }
                index += 1
            }
        }
        seconds = whole
        nanoseconds = fraction
    }

    /// The value as a point in time, counted from the Unix epoch; nil past the year 9999.
    var dateSinceEpoch: Date? {
        TimestampParser.date(epochSeconds: Double(seconds) + Double(nanoseconds) / 1_000_000_000)
    }

    /// The value in nanoseconds, as ECS keeps `event.duration`; nil past Int64's range.
    var totalNanoseconds: Int64? {
        DurationNanoseconds.of(seconds: seconds, nanoseconds: nanoseconds)
    }
}
