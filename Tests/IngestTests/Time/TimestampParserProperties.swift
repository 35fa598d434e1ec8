import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import Ingest

/// The timestamp parser against Foundation's Gregorian calendar on generated ISO 8601 stamps in
/// every form logs write: separators, fractions of any length, zones in each notation or none.
@Suite struct TimestampParserProperties {
    private static let calendar = Calendar(identifier: .gregorian)
    private static let utc = TimeZone(identifier: "UTC")!

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// A stamp and the date Foundation makes of its fields, or nil when the day does not exist.
    private static func stamp(_ random: inout SplitMix64) -> (text: String, expected: Date?) {
        let year = 1_600 + random.next(below: 8_400)
        let month = 1 + random.next(below: 12)
        let day = 1 + random.next(below: 31)
        let (hour, minute, second) = (random.next(below: 24), random.next(below: 60), random.next(below: 60))
        let fractionDigits = (0..<random.next(below: 10)).map { _ in random.next(below: 10) }
        let dateSeparator = random.next(below: 2) == 0 ? "-" : "/"
        let timeSeparator = ["T", "t", " "][random.next(below: 3)]
        var text = digits(year, 4) + dateSeparator + digits(month, 2) + dateSeparator + digits(day, 2)
            + timeSeparator + digits(hour, 2) + ":" + digits(minute, 2) + ":" + digits(second, 2)
        if !fractionDigits.isEmpty { text += "." + fractionDigits.map(String.init).joined() }
        let offsetMinutes = (random.next(below: 24 * 60 * 2 - 1) - (24 * 60 - 1))
        let sign = offsetMinutes < 0 ? "-" : "+"
        let (offsetHours, offsetRest) = (abs(offsetMinutes) / 60, abs(offsetMinutes) % 60)
        var offsetSeconds = 0
        switch random.next(below: 5) {
        case 0: break
        case 1: text += random.next(below: 2) == 0 ? "Z" : "z"
        case 2:
            text += sign + digits(offsetHours, 2) + ":" + digits(offsetRest, 2)
            offsetSeconds = offsetMinutes * 60
        case 3:
            text += sign + digits(offsetHours, 2) + digits(offsetRest, 2)
            offsetSeconds = offsetMinutes * 60
        default:
            text += sign + digits(offsetHours, 2)
            offsetSeconds = (offsetMinutes < 0 ? -offsetHours : offsetHours) * 3_600
        }
        let firstOfMonth = calendar.date(from: DateComponents(timeZone: utc, year: year, month: month, day: 1))!
        guard day <= calendar.range(of: .day, in: .month, for: firstOfMonth)!.count else { return (text, nil) }
        // Foundation's zones stop at ±18 hours: the offset is applied to the UTC reading.
        let components = DateComponents(timeZone: utc, year: year, month: month, day: day,
                                        hour: hour, minute: minute, second: second)
        let fraction = fractionDigits.isEmpty ? 0 : Double("0." + fractionDigits.map(String.init).joined())!
        return (text, calendar.date(from: components)!.addingTimeInterval(fraction - Double(offsetSeconds)))
    }

    @Test func isoStampsParseAsTheCalendarReadsThem() async {
        await propertyCheck(count: 5_000, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            let (text, expected) = Self.stamp(&random)
            let parsed = text.withLineBytes { TimestampParser.date(iso8601: $0) }
            if let expected {
                let difference = parsed.map { abs($0.timeIntervalSince(expected)) }
                #expect(difference.map { $0 < 1e-4 } == true, "\(text): \(String(describing: parsed)) against \(expected)")
            } else {
                #expect(parsed == nil, "\(text) names no day")
            }
        }
    }
}
