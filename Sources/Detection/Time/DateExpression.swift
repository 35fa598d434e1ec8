import Foundation

/// The date expressions analysts type for `--since` and expiries: a duration (`90m`, `12h`, `7d`,
/// `2w`) counted back or forward from now, or an absolute ISO-8601 date (`2026-12-31`, midnight UTC)
/// or date-time (`2026-12-31T18:00:00Z`).
public enum DateExpression {
    /// `text` as a moment in the past: a duration means that long before `now`.
    public static func past(_ text: String, now: Date) -> Date? {
        if let seconds = duration(text) { return now.addingTimeInterval(-seconds) }
        return absolute(text)
    }

    /// `text` as a moment in the future: a duration means that long after `now`.
    public static func future(_ text: String, now: Date) -> Date? {
        if let seconds = duration(text) { return now.addingTimeInterval(seconds) }
        return absolute(text)
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

    private static func absolute(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let dayOnly = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).year().month().day()
        return try? Date(text, strategy: dayOnly)
    }
}
