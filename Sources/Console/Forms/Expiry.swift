import Detection
import Foundation

/// Exception expiry as the analyst types it: empty (never), or any `DateExpression` read forward
/// from now (`12h`, `7d`, `2026-12-31` — through that day in the console's time zone —, or an
/// ISO-8601 date-time); it must lie ahead.
enum Expiry {
    enum ParseError: Error, Equatable {
        case unreadable(String)
        case inThePast(String)

        var message: String {
            switch self {
            case .unreadable(let text): "expiry \"\(text)\" is not like 7d, 12h or 2026-12-31"
            case .inThePast(let text): "expiry \(text) is in the past"
            }
        }
    }

    /// The expiry date, or nil for no expiry.
    static func parse(_ text: String, now: Date, timeZone: TimeZone) throws(ParseError) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        guard let date = DateExpression.future(text, now: now, timeZone: timeZone) else { throw .unreadable(text) }
        guard date > now else { throw .inThePast(text) }
        return date
    }

    /// The text the edit form starts with for an existing expiry, which `parse` reads back to the
    /// same date: the last day it applies when it ends at midnight, else the moment in UTC.
    static func text(for date: Date?, timeZone: TimeZone) -> String {
        guard let date else { return "" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.startOfDay(for: date) == date ? lastDay(date, timeZone: timeZone) : date.formatted(.iso8601)
    }

    /// The last day an item expiring at `date` still applies, e.g. `2026-12-31` for midnight on New Year.
    static func lastDay(_ date: Date, timeZone: TimeZone) -> String {
        DateText.day(date.addingTimeInterval(-1), timeZone: timeZone)
    }
}
