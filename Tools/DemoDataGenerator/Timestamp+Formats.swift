/// The calendar fields of a timestamp and the text forms each producer writes.
extension Timestamp {
    private struct Fields {
        var year, month, day, hour, minute, second, microsecond: Int
    }

    /// Calendar fields in UTC (Howard Hinnant's `civil_from_days`).
    private var fields: Fields {
        let days = Int(microseconds.quotientFloor(86_400_000_000))
        let microsecondOfDay = Int(microseconds - Int64(days) * 86_400_000_000)
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let secondOfDay = microsecondOfDay / 1_000_000
        return Fields(
            year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day,
            hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60,
            microsecond: microsecondOfDay % 1_000_000
        )
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private var date: String {
        let f = fields
        return "\(f.year)-\(Self.padded(f.month, 2))-\(Self.padded(f.day, 2))"
    }

    private var clock: String {
        let f = fields
        return "\(Self.padded(f.hour, 2)):\(Self.padded(f.minute, 2)):\(Self.padded(f.second, 2))"
    }

    /// `2026-11-30T12:41:03.512Z`: Elastic `@timestamp`.
    var iso8601Milliseconds: String {
        "\(date)T\(clock).\(Self.padded(fields.microsecond / 1000, 3))Z"
    }

    /// `2026-11-30T12:41:03.512345+0000`: Suricata, offset without a colon.
    var suricata: String {
        "\(date)T\(clock).\(Self.padded(fields.microsecond, 6))+0000"
    }

    /// `1796041263.512345`: Zeek `ts`, epoch seconds with six decimals.
    var zeekEpoch: String {
        let seconds = microseconds.quotientFloor(1_000_000)
        return "\(seconds).\(Self.padded(Int(microseconds - seconds * 1_000_000), 6))"
    }

    /// `2026-11-30-00-00-00`: Zeek `#open` / `#close`.
    var zeekHeader: String {
        let f = fields
        return "\(date)-\(Self.padded(f.hour, 2))-\(Self.padded(f.minute, 2))-\(Self.padded(f.second, 2))"
    }

    /// `2026/11/30 13:05:12`: PAN-OS time fields (firewall local time; the demo firewall runs on UTC).
    var panos: String {
        let f = fields
        return "\(f.year)/\(Self.padded(f.month, 2))/\(Self.padded(f.day, 2)) \(clock)"
    }

    /// `Nov 30 13:05:12`: the BSD syslog header in front of a PAN-OS line.
    var syslog: String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let f = fields
        let day = f.day < 10 ? " \(f.day)" : "\(f.day)"
        return "\(months[f.month - 1]) \(day) \(clock)"
    }

    /// `2026-11-30 12:41:03.512`: Sysmon `UtcTime`.
    var sysmonUtc: String {
        "\(date) \(clock).\(Self.padded(fields.microsecond / 1000, 3))"
    }

    /// `2026-11-30 13:41:03`: NXLog `EventTime` / `EventReceivedTime` (collector local time, UTC here).
    var nxlog: String {
        "\(date) \(clock)"
    }
}

private extension Int64 {
    /// Division rounding toward negative infinity.
    func quotientFloor(_ divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
