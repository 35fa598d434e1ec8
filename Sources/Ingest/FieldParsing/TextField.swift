import Detection
import Foundation

/// Decoders for text values shared by the JSON and CSV readers; each throws a `FieldRejection`
/// that names the format and the field and quotes the value safely.
enum TextField {
    /// An IPv4 or IPv6 address in any form `IPAddress` reads (uncompressed IPv6 included).
    static func address(_ text: String, format: String, field: String) throws(FieldRejection) -> IPAddress {
        guard let address = IPAddress(text) else { throw invalid(format, field, text, expected: "an IP address") }
        return address
    }

    /// A port, 0 through 65535, written as a number or a numeric string (a CSV field is read in
    /// place, no string made).
    static func port(_ text: some StringProtocol, format: String, field: String) throws(FieldRejection) -> Int {
        guard let value = Int(text), (0...65_535).contains(value) else {
            throw invalid(format, field, String(text), expected: "a port")
        }
        return value
    }

    /// A non-negative count (bytes, packets, seconds).
    static func count(_ text: some StringProtocol, format: String, field: String) throws(FieldRejection) -> Int64 {
        guard let value = Int64(text), value >= 0 else { throw invalid(format, field, String(text), expected: "a count") }
        return value
    }

    /// An ISO 8601-style timestamp (`T` or space, `-` or `/`); one without a zone is read in `zone`.
    static func time(_ text: String, zone: TimeZone, format: String, field: String) throws(FieldRejection) -> Date {
        guard let date = text.withLineBytes({ TimestampParser.date(iso8601: $0, timeZone: zone) }) else {
            throw invalid(format, field, text, expected: "a time")
        }
        return date
    }

    /// `<format> <field> "<value>" is not <expectation>`.
    static func invalid(_ format: String, _ field: String, _ text: String, expected: String) -> FieldRejection {
        FieldRejection("\(format) \(field) \(LogText.quoted(text)) is not \(expected)")
    }
}
