import Foundation

/// The date expressions analysts type for `--since` and expiries: a duration (`90m`, `12h`, `7d`,
/// `2w`) counted back or forward from now, or an absolute ISO-8601 date (`2026-12-31`) or date-time
/// (`2026-12-31T18:00:00Z`). A date alone is a whole day in the given time zone (UTC unless told).
public enum DateExpression {
    /// `text` as a moment in the past: a duration means that long before `now`, a date its first moment.
    public static func past(_ text: String, now: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> Date? {
        if let seconds = duration(text) { return now.addingTimeInterval(-seconds) }
        return dateTime(text) ?? day(text, timeZone: timeZone)?.start
    }

    /// `text` as a moment in the future: a duration means that long after `now`, a date the end of
    /// that day (an expiry of `2026-12-31` applies through the 31st).
    public static func future(_ text: String, now: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> Date? {
        if let seconds = duration(text) { return now.addingTimeInterval(seconds) }
        return dateTime(text) ?? day(text, timeZone: timeZone)?.end
    }

    /// `30s`, `90m`, `12h`, `7d`, `2w` in seconds.
    public static func duration(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let count = Double(text.dropLast()), count >= 0 else { return nil }
        let unitSeconds: TimeInterval? = switch unit {
        case "s": 1
        case "m": 60
        case "h": 3600
        case "d": 86_400
        case "w": 604_800
        default: nil
        }
        return unitSeconds.map { $0 * count }
    }

    private static func dateTime(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }

    /// The calendar day `text` (`YYYY-MM-DD`) names in `timeZone`, as its first moment and the next day's.
    private static func day(_ text: String, timeZone: TimeZone) -> (start: Date, end: Date)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.map(\.count) == [4, 2, 2],
              let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let start = calendar.date(from: DateComponents(year: year, month: month, day: dayOfMonth)),
              calendar.dateComponents([.year, .month, .day], from: start)
                  == DateComponents(year: year, month: month, day: dayOfMonth),
              let end = calendar.date(byAdding: .day, value: 1, to: start) else { return nil }
        return (start, end)
    }
}
