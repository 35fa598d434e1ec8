import Foundation

/// A calendar date and wall-clock time as logs write them, parsed from ASCII without
/// `DateFormatter`: `2018-03-24T17:15:21.382822Z`, `2023-09-18T06:13:21.216460+0000`,
/// `2020-09-22 18:53:31.668` (Sysmon, UTC), `2024/01/05 12:51:34` (PAN-OS, firewall-local).
struct CivilTimestamp: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    var nanosecond: Int
    /// The written UTC offset in seconds; nil when the text carries no zone.
    var utcOffsetSeconds: Int?

    /// Parses `YYYY(-|/)MM(-|/)DD(T| )HH:MM:SS[.fraction][Z|±HH[:]MM]`; nil for anything else.
    init?(ascii bytes: UnsafeBufferPointer<UInt8>) {
        var cursor = ByteCursor(bytes)
        guard let year = cursor.digits(4), let dateSeparator = cursor.byte(in: "-/"),
              let month = cursor.digits(2), cursor.byte(in: dateSeparator == UInt8(ascii: "-") ? "-" : "/") != nil,
              let day = cursor.digits(2), cursor.byte(in: "T ") != nil,
              let hour = cursor.digits(2), cursor.byte(in: ":") != nil,
              let minute = cursor.digits(2), cursor.byte(in: ":") != nil,
              let second = cursor.digits(2)
        else { return nil }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60
        else { return nil }
        var nanosecond = 0
        if cursor.byte(in: ".,") != nil {
            var scale = 100_000_000
            var digitCount = 0
            while let digit = cursor.digits(1) {
                nanosecond += digit * scale
                scale /= 10
                digitCount += 1
            }
            guard digitCount > 0 else { return nil }
        }
        var offset: Int? = nil
        if cursor.byte(in: "Zz") != nil {
            offset = 0
        } else if let sign = cursor.byte(in: "+-") {
            guard let hours = cursor.digits(2) else { return nil }
            _ = cursor.byte(in: ":")
            guard let minutes = cursor.digits(2), hours < 24, minutes < 60 else { return nil }
            offset = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        guard cursor.isAtEnd else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
        self.utcOffsetSeconds = offset
    }

    /// The instant this time names: its own offset when written, else the wall clock read in
    /// `zone`, resolved as java.time (Elastic's date processor) resolves it: a wall time that a
    /// daylight-saving change repeats is the earlier instant; one it skips moves later by the gap.
    func date(assuming zone: TimeZone) -> Date {
        let wallSeconds = Self.daysSinceEpoch(year: year, month: month, day: day) * 86_400
            + hour * 3600 + minute * 60 + second
        let fraction = Double(nanosecond) / 1_000_000_000
        if let utcOffsetSeconds {
            return Date(timeIntervalSince1970: Double(wallSeconds - utcOffsetSeconds) + fraction)
        }
        func offset(at seconds: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))) }
        // The offsets a day either side bracket any transition near this wall time.
        let before = offset(at: wallSeconds - 86_400)
        let after = offset(at: wallSeconds + 86_400)
        let candidates = [wallSeconds - before, wallSeconds - after]
        let valid = zip(candidates, [before, after]).filter { offset(at: $0.0) == $0.1 }.map(\.0)
        let instant = valid.min() ?? wallSeconds - before
        return Date(timeIntervalSince1970: Double(instant) + fraction)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// Reads a byte buffer front to back for the timestamp parser.
private struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    /// The next `count` bytes as a decimal number when they are all digits.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let digit = bytes[index + offset] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        index += count
        return value
    }

    /// Consumes the next byte when it is one of `choices`, and returns it.
    mutating func byte(in choices: StaticString) -> UInt8? {
        guard index < bytes.count else { return nil }
        let next = bytes[index]
        let matches = choices.withUTF8Buffer { $0.contains(next) }
        guard matches else { return nil }
        index += 1
        return next
    }
}
