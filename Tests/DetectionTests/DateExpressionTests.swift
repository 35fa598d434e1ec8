import Detection
import Foundation
import Testing

@Suite("date expressions analysts type")
struct DateExpressionTests {
    private let now = Date(timeIntervalSince1970: 1_796_126_400) // 2026-12-01 12:00:00 UTC
    private let utc = TimeZone(identifier: "UTC")!

    @Test("durations count forward for expiries and back for --since", arguments: [
        ("30s", 30.0), ("90m", 5_400), ("12h", 43_200), ("7d", 604_800), ("2w", 1_209_600), ("1.5h", 5_400),
    ])
    func durations(text: String, seconds: TimeInterval) {
        #expect(DateExpression.future(text, now: now) == now.addingTimeInterval(seconds))
        #expect(DateExpression.past(text, now: now) == now.addingTimeInterval(-seconds))
    }

    @Test("a date alone starts that day in the past and ends it in the future, in the time zone given")
    func days() throws {
        let newYearUTC = Date(timeIntervalSince1970: 1_798_761_600) // 2027-01-01 00:00:00 UTC
        #expect(DateExpression.future("2026-12-31", now: now) == newYearUTC)
        #expect(DateExpression.past("2026-12-31", now: now) == newYearUTC.addingTimeInterval(-86_400))
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        #expect(DateExpression.future("2026-12-31", now: now, timeZone: berlin) == newYearUTC.addingTimeInterval(-3600))
    }

    @Test("a date-time is that moment whichever way it is read")
    func dateTimes() {
        let moment = Date(timeIntervalSince1970: 1_798_740_000) // 2026-12-31T18:00:00Z
        #expect(DateExpression.future("2026-12-31T18:00:00Z", now: now) == moment)
        #expect(DateExpression.past("2026-12-31T18:00:00Z", now: now) == moment)
    }

    @Test("text that is no duration, day or date-time is refused",
          arguments: ["", "soon", "7x", "-3d", "2026-02-30", "2026-13-01", "2026-1-01", "26-12-31", "2026-12-31 18:00"])
    func unreadable(text: String) {
        #expect(DateExpression.future(text, now: now) == nil)
        #expect(DateExpression.past(text, now: now) == nil)
    }
}
