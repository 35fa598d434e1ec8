import Foundation

/// Dates as the console writes them: fixed-width absolute times in the console's time zone and
/// short relative ages.
enum DateText {
    /// `2026-11-30`.
    static func day(_ date: Date, timeZone: TimeZone) -> String {
        let parts = components(date, timeZone)
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))"
    }

    /// `2026-11-30 14:02`.
    static func minute(_ date: Date, timeZone: TimeZone) -> String {
        let parts = components(date, timeZone)
        return day(date, timeZone: timeZone) + " \(pad(parts.hour)):\(pad(parts.minute))"
    }

    /// `2026-11-30 14:02:09`.
    static func second(_ date: Date, timeZone: TimeZone) -> String {
        minute(date, timeZone: timeZone) + ":" + pad(components(date, timeZone).second)
    }

    /// `just now`, `5m ago`, `3h ago`, `2d ago`; `in 4d` for the future.
    static func relative(_ date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        let magnitude = abs(seconds)
        let text: String
        switch magnitude {
        case ..<60: return "just now"
        case ..<3600: text = "\(magnitude / 60)m"
        case ..<86400: text = "\(magnitude / 3600)h"
        default: text = "\(magnitude / 86400)d"
        }
        return seconds >= 0 ? "\(text) ago" : "in \(text)"
    }

    private static func components(_ date: Date, _ timeZone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    private static func pad(_ value: Int?, _ digits: Int = 2) -> String {
        let text = String(value ?? 0)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
