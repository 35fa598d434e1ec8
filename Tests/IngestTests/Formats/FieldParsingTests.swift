import Foundation
import Testing
@testable import Ingest

@Suite struct FieldParsingTests {
    static let utc = TimeZone(identifier: "UTC")!

    func civil(_ text: String) -> CivilTimestamp? {
        text.withASCIIBytes { CivilTimestamp(ascii: $0) }
    }

    @Test func civilTimestampsAgreeWithFoundationAcrossCenturies() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.utc
        var state: UInt64 = 0x1234_5678
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let seconds = Int64(state >> 33) % 4_102_444_800  // 1970 ... 2100
            let date = Date(timeIntervalSince1970: Double(seconds))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year!, parts.month!, parts.day!,
                              parts.hour!, parts.minute!, parts.second!)
            #expect(try #require(civil(text)).date(assuming: Self.utc) == date, "\(text)")
        }
    }

    @Test(arguments: [
        ("2023-09-18T06:13:21.216460+0000", 1_695_017_601.216460),
        ("2023-09-18T08:13:21.5+02:00", 1_695_017_601.5),
        ("2023-09-18T01:13:21-0500", 1_695_017_601.0),
        ("2020-09-22 18:53:31.668", 1_600_800_811.668),
        ("2024/01/05 12:51:34", 1_704_459_094.0),
        ("1969-12-31T23:59:59Z", -1.0),
    ])
    func parsesLogTimestampForms(text: String, seconds: Double) throws {
        let date = try #require(civil(text)).date(assuming: Self.utc)
        #expect(abs(date.timeIntervalSince1970 - seconds) < 1e-6)
    }

    @Test(arguments: ["2024-13-01 00:00:00", "2024-01-01", "2024-01-01T25:00:00", "2024-01-01T00:00:00+", "2024/01-01 00:00:00",
                      "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00 trailing"])
    func rejectsMalformedTimestamps(text: String) {
        #expect(civil(text) == nil)
    }

    @Test func resolvesDaylightSavingGapsAndOverlapsAsJavaTime() throws {
        let newYork = TimeZone(identifier: "America/New_York")!
        // 2024-11-03 01:30 happens twice: the earlier instant is EDT (-4).
        #expect(try #require(civil("2024/11/03 01:30:00")).date(assuming: newYork) == Date(timeIntervalSince1970: 1_730_611_800))
        // 2024-03-10 02:30 never happens: it moves an hour later, to 03:30 EDT.
        #expect(try #require(civil("2024/03/10 02:30:00")).date(assuming: newYork) == Date(timeIntervalSince1970: 1_710_055_800))
        // An ordinary winter time is EST (-5).
        #expect(try #require(civil("2024/01/05 12:51:34")).date(assuming: newYork) == Date(timeIntervalSince1970: 1_704_477_094))
    }

    @Test(arguments: [
        ("1521911721.382822", 1_521_911_721, 382_822_000),
        ("0", 0, 0),
        ("10.761076927185059", 10, 761_076_927),
        ("7.5", 7, 500_000_000),
    ])
    func parsesDecimalSecondsExactly(text: String, seconds: Int64, nanoseconds: Int64) {
        let value = text.withASCIIBytes { DecimalSeconds(ascii: $0) }
        #expect(value?.seconds == seconds)
        #expect(value?.nanoseconds == nanoseconds)
    }

    @Test(arguments: ["", ".5", "5.", "-1", "1e9", "XXXXXXXXXX.XXXXXX", "1.2.3"])
    func rejectsMalformedDecimalSeconds(text: String) {
        #expect(text.withASCIIBytes { DecimalSeconds(ascii: $0) } == nil)
    }

    @Test func unescapesZeekTSVStrings() {
        let text = #"\\\\server\\share\x09tab\x7"#
        #expect(text.withASCIIBytes { ZeekTSVEscaping.text($0) } == "\\\\server\\share\ttab\\x7")
    }

    @Test func quotesValuesPrintably() {
        #expect(PrintableText.quoted("a\u{1B}[2J\u{202E}b\"") == #""a\u{1B}[2J\u{202E}b\"""#)
        #expect(PrintableText.quoted(String(repeating: "x", count: 70)) == "\"" + String(repeating: "x", count: 64) + "…\"")
    }
}
