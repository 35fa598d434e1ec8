import Foundation
import Detection

/// Typed field reads for readers: each returns nil when the field is absent and throws a
/// `FieldRejection` naming the field when a value is present but malformed.
extension FlatJSONObject {
    /// Every value at `key` as an IP address (a scalar or an array).
    public func ipAddresses(_ key: Key) throws(FieldRejection) -> [IPAddress] {
        var addresses: [IPAddress] = []
        addresses.reserveCapacity(valueCount(key))
        try forEachIPAddress(key) { addresses.append($0) }
        return addresses
    }

    /// Checks that every value at `key` is an IP address, as `ipAddresses` does, without
    /// collecting them.
    public func validateIPAddresses(_ key: Key) throws(FieldRejection) {
        try forEachIPAddress(key) { _ in }
    }

    private func forEachIPAddress(_ key: Key, _ body: (IPAddress) -> Void) throws(FieldRejection) {
        // The closures capture no key: capturing one would retain its bytes on every call.
        var failure: String?
        forEachValue(key) { bytes, _ in
            if let address = IPAddress(utf8: bytes) {
                body(address)
                return true
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let detail: String
            do throws(IPAddressParseError) {
                _ = try IPAddress(parsing: text)
                detail = "unreadable"
            } catch {
                detail = LogText.escaped(error.reason)
            }
            failure = "\(LogText.quoted(bytes)) is not an IP address: \(detail)"
            return false
        }
        if let failure { throw FieldRejection("\(key.path) \(failure)") }
    }

    /// The first value as a TCP/UDP port (0...65535), written as a number or a numeric string.
    public func port(_ key: Key) throws(FieldRejection) -> Int? {
        guard let (bytes, _) = firstValue(key) else { return nil }
        guard let value = NumericText.integer(bytes), (0...65_535).contains(value) else {
            throw .invalid(key.path, bytes, expected: "a port number")
        }
        return Int(value)
    }

    /// The first value as a non-negative count (bytes, packets, a process id).
    public func count(_ key: Key) throws(FieldRejection) -> Int64? {
        guard let (bytes, _) = firstValue(key) else { return nil }
        guard let value = NumericText.integer(bytes), value >= 0 else {
            throw .invalid(key.path, bytes, expected: "a non-negative integer")
        }
        return value
    }

    /// The first value as a boolean (`true`/`false`, any case, also as strings).
    public func flag(_ key: Key) throws(FieldRejection) -> Bool? {
        guard let (bytes, _) = firstValue(key) else { return nil }
        if bytes.withSpan({ NumericText.equalsIgnoringCase($0, "true") }) { return true }
        if bytes.withSpan({ NumericText.equalsIgnoringCase($0, "false") }) { return false }
        throw .invalid(key.path, bytes, expected: "true or false")
    }

    /// The first value as a timestamp: an ISO 8601 string (without a zone: in `timeZone`, nil for
    /// UTC), or an epoch number in `epochUnit` (a number, or a string of digits).
    public func timestamp(
        _ key: Key, epochUnit: TimestampParser.EpochUnit = .milliseconds, timeZone: TimeZone? = nil
    ) throws(FieldRejection) -> Date? {
        guard let (bytes, _) = firstValue(key) else { return nil }
        if let date = TimestampParser.date(iso8601: bytes, timeZone: timeZone)
            ?? TimestampParser.date(epoch: bytes, unit: epochUnit) {
            return date
        }
        throw .invalid(key.path, bytes, expected: "a timestamp")
    }
}
