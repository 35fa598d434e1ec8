import Foundation

/// Exception expiry as the analyst types it: empty (never), a duration from now (`30m`, `12h`,
/// `7d`, `2w`) or a date (`2026-12-31`: the item applies through that day).
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
        if let unit = text.last, let amount = Int(text.dropLast()), amount > 0,
           let seconds = ["m": 60.0, "h": 3600.0, "d": 86400.0, "w": 604_800.0][String(unit)] {
            return now.addingTimeInterval(Double(amount) * seconds)
        }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard parts.count == 3, text.count == 10,
              let day = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              calendar.component(.day, from: day) == parts[2],
              let end = calendar.date(byAdding: .day, value: 1, to: day)
        else { throw .unreadable(text) }
        guard end > now else { throw .inThePast(text) }
        return end
    }

    /// The text the edit form starts with for an existing expiry: the last day it applies.
    static func text(for date: Date?, timeZone: TimeZone) -> String {
        guard let date else { return "" }
        return DateText.day(date.addingTimeInterval(-1), timeZone: timeZone)
    }
}
