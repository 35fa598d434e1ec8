import Detection
import Foundation

/// Zeek's scalar encodings that are not plain numbers or strings.
enum ZeekValue {
    private static let utc = TimeZone(identifier: "UTC")!

    /// A `time`: epoch seconds (`1521911721.382822`, the TSV and `use_json` form) or ISO 8601
    /// (`2018-03-24T17:15:21.382822Z`, json-streaming-logs) — the two forms Elastic accepts.
    @inline(__always)
    static func time(_ bytes: LineBytes) -> Date? {
        if let seconds = bytes.withSpan(DecimalSeconds.init(ascii:)) { return seconds.dateSinceEpoch }
        if bytes.count >= 19, let date = TimestampParser.date(iso8601: bytes, timeZone: utc) { return date }
        // JSON writers may print a float with an exponent.
        guard bytes.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
              let value = Double(String(decoding: bytes, as: UTF8.self)), value >= 0
        else { return nil }
        return TimestampParser.date(epochSeconds: value)
    }

    /// A `port`, 0 through 65535.
    @inline(__always)
    static func port(_ bytes: Span<UInt8>) -> Int? {
        guard let value = NumericText.plainInteger(bytes), (0...65_535).contains(value) else { return nil }
        return Int(value)
    }

    /// An `addr`, IPv4 or IPv6, parsed from the bytes without building a string.
    @inline(__always)
    static func address(_ bytes: LineBytes) -> IPAddress? {
        IPAddress(utf8: bytes)
    }

    /// A `bool`: `T`/`F` in TSV, `true`/`false` in JSON.
    @inline(__always)
    static func boolean(_ bytes: Span<UInt8>) -> Bool? {
        if bytes.count == 1 {
            switch bytes[0] {
            case UInt8(ascii: "T"): return true
            case UInt8(ascii: "F"): return false
            default: return nil
            }
        }
        if bytes.equals("true") { return true }
        if bytes.equals("false") { return false }
        return nil
    }
}
