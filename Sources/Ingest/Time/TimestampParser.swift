import Foundation

/// Fast timestamp parsing from UTF-8 bytes, without Foundation's formatters.
///
/// ISO 8601 / RFC 3339 as logs write it: `2026-01-05T12:51:34Z`, `2026-01-05T12:51:34.123456+01:00`,
/// `2023-09-18T06:13:21.216460+0000` (offset without colon), `2020-09-22 18:53:31.668` (space, no
/// zone), `2026/01/05 12:51:34` (slashes). A time without a zone is read in the given time zone.
/// Epoch numbers: seconds or milliseconds, with an optional fraction.
public enum TimestampParser {
    /// The unit of an epoch number.
    public enum EpochUnit: Sendable {
        case seconds
        case milliseconds
    }

    /// Parses an ISO 8601 date-time; nil when the bytes are not one or a field is out of range.
    /// A time without a zone is read in `timeZone` (nil: UTC).
    public static func date(iso8601 bytes: LineBytes, timeZone: TimeZone? = nil) -> Date? {
        var cursor = DigitCursor(bytes)
        guard let year = cursor.digits(4), cursor.skip(anyOf: "-/"),
              let month = cursor.digits(2), (1...12).contains(month), cursor.skip(anyOf: "-/"),
              let day = cursor.digits(2), day >= 1, day <= daysInMonth(month, year: year),
              cursor.skip(anyOf: "Tt "),
              let hour = cursor.digits(2), hour < 24, cursor.skip(anyOf: ":"),
              let minute = cursor.digits(2), minute < 60, cursor.skip(anyOf: ":"),
              let second = cursor.digits(2), second <= 60 else { return nil }
        var fraction = 0.0
        if cursor.skip(anyOf: ".,") {
            guard let value = cursor.fraction() else { return nil }
            fraction = value
        }
        let localSeconds = Double(daysSinceEpoch(year: year, month: month, day: day) * 86_400
            + hour * 3_600 + minute * 60 + second) + fraction
        if cursor.atEnd {
            guard let timeZone else { return Date(timeIntervalSince1970: localSeconds) }
            let guess = Date(timeIntervalSince1970: localSeconds)
            let offset = timeZone.secondsFromGMT(for: guess)
            let adjusted = Date(timeIntervalSince1970: localSeconds - Double(offset))
            return Date(timeIntervalSince1970: localSeconds - Double(timeZone.secondsFromGMT(for: adjusted)))
        }
        guard let offset = cursor.zoneOffset(), cursor.atEnd else { return nil }
        return Date(timeIntervalSince1970: localSeconds - Double(offset))
    }

    /// Parses an epoch number (`1600000000123`, `1600000000.123456`) in the given unit.
    public static func date(epoch bytes: LineBytes, unit: EpochUnit) -> Date? {
        guard !bytes.isEmpty, bytes.count <= 32 else { return nil }
        let value: Double
        if let integer = bytes.withSpan(NumericText.plainInteger) {
            value = Double(integer)
        } else if let parsed = Double(String(decoding: bytes, as: UTF8.self)), parsed.isFinite {
            value = parsed
        } else {
            return nil
        }
        switch unit {
        case .seconds: return date(epochSeconds: value)
        case .milliseconds: return date(epochSeconds: value / 1_000)
        }
    }

    /// The seconds since the epoch that ISO 8601's four-digit years span (0000-01-01 through
    /// 9999-12-31): an epoch value outside them is no time a log means, and arithmetic on it
    /// (durations, ages) could overflow.
    static let representableSeconds = -62_167_219_200.0..<253_402_300_800.0

    /// `seconds` since the epoch as a date; nil outside `representableSeconds` or not finite.
    static func date(epochSeconds seconds: Double) -> Date? {
        representableSeconds.contains(seconds) ? Date(timeIntervalSince1970: seconds) : nil
    }

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given civil date (proleptic Gregorian; H. Hinnant's algorithm).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
