import Foundation
import Testing
@testable import Ingest

@Suite struct TimestampParserTests {
    func iso(_ text: String, timeZone: TimeZone? = nil) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withLineBytes {
            TimestampParser.date(iso8601: $0, timeZone: timeZone)?.timeIntervalSince1970
        }
    }

    func epoch(_ text: String, _ unit: TimestampParser.EpochUnit) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withLineBytes {
            TimestampParser.date(epoch: $0, unit: unit)?.timeIntervalSince1970
        }
    }

    @Test func zuluWithAndWithoutFraction() {
        #expect(iso("1970-01-01T00:00:00Z") == 0)
        #expect(iso("2026-01-05T12:51:34Z") == 1_767_617_494)
        #expect(iso("2026-01-05T12:51:34.250Z") == 1_767_617_494.25)
        #expect(iso("2000-02-29T23:59:59z") == 951_868_799)
    }

    @Test func offsetsInEveryForm() {
        let utc = 1_695_017_601.216460
        #expect(abs(iso("2023-09-18T06:13:21.216460+0000")! - utc) < 1e-6)
        #expect(abs(iso("2023-09-18T08:13:21.216460+02:00")! - utc) < 1e-6)
        #expect(abs(iso("2023-09-18T01:13:21.216460-05")! - utc) < 1e-6)
    }

    @Test func spaceSlashesAndNoZone() {
        #expect(abs(iso("2020-09-22 18:53:31.668")! - 1_600_800_811.668) < 1e-6)
        #expect(iso("2026/01/05 12:51:34") == 1_767_617_494)
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        #expect(iso("2026/01/05 13:51:34", timeZone: berlin) == 1_767_617_494)
        #expect(iso("2026-07-05 14:51:34", timeZone: berlin) == 1_783_255_894)
    }

    @Test(arguments: ["2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-01-05T24:00:00Z",
                      "2026-01-05T12:51Z", "2026-01-05", "2026-01-05T12:51:34+2500", "2026-01-05T12:51:34.Z",
                      "2026-01-05T12:51:34Zjunk", "", "yesterday"])
    func rejectsMalformed(text: String) {
        #expect(iso(text) == nil)
    }

    @Test func epochNumbers() {
        #expect(epoch("1600000000123", .milliseconds) == 1_600_000_000.123)
        #expect(epoch("1600000000.5", .seconds) == 1_600_000_000.5)
        #expect(epoch("1e3", .seconds) == 1_000)
        #expect(epoch("12a", .seconds) == nil)
        #expect(epoch("", .milliseconds) == nil)
    }
}
