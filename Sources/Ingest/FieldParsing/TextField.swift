import Detection
import Foundation

/// Decoders for text values shared by the JSON and CSV readers; each throws a `RecordError`
/// that names the format and field.
enum TextField {
    /// An IPv4 or IPv6 address in any form `IPAddress` reads (uncompressed IPv6 included).
    static func address(_ text: String, format: String, field: String) throws(RecordError) -> IPAddress {
        guard let address = IPAddress(text) else {
            throw .invalid(format, field, text, expected: "an IP address")
        }
        return address
    }

    /// A port, 0 through 65535, written as a number or a numeric string.
    static func port(_ text: String, format: String, field: String) throws(RecordError) -> Int {
        guard let value = Int(text), (0...65_535).contains(value) else {
            throw .invalid(format, field, text, expected: "a port")
        }
        return value
    }

    /// A calendar timestamp; one without a zone is read in `zone`.
    static func time(_ text: String, zone: TimeZone, format: String, field: String) throws(RecordError) -> Date {
        guard let civil = text.withASCIIBytes({ CivilTimestamp(ascii: $0) }) else {
            throw .invalid(format, field, text, expected: "a time")
        }
        return civil.date(assuming: zone)
    }
}
