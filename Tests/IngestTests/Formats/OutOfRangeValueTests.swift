import Detection
import Foundation
import Testing
@testable import Ingest

/// Values from a log that no arithmetic may trap on: each is a rejected record naming the field.
@Suite struct OutOfRangeValueTests {
    private static let suricataFlow = #"{"timestamp":"2026-11-30T07:40:34Z","event_type":"flow","src_ip":"10.0.0.5","src_port":49822,"dest_ip":"198.51.100.20","dest_port":445,"proto":"TCP","flow":{"start":"START","end":"END","state":"closed"}}"#

    private static func suricata(start: String, end: String) -> LineOutcome {
        SuricataReader.outcome(of: suricataFlow.replacingOccurrences(of: "START", with: start)
            .replacingOccurrences(of: "END", with: end))
    }

    @Test func aSuricataFlowLongerThanInt64NanosecondsIsRejected() {
        let outcome = Self.suricata(start: "2026-11-30T07:40:34Z", end: "9999-12-31T23:59:59Z")
        #expect(outcome.rejection == "suricata flow.end is too far after flow.start for a duration (over 292 years)")
    }

    @Test func aSuricataFlowJustUnder292YearsKeepsItsDuration() throws {
        let event = try #require(Self.suricata(start: "2000-01-01T00:00:00Z", end: "2290-01-01T00:00:00Z").event)
        #expect(event.durationNanoseconds == 9_151_574_400_000_000_000)
    }

    @Test func durationsOutsideInt64AreNil() {
        #expect(DurationNanoseconds.of(seconds: .infinity) == nil)
        #expect(DurationNanoseconds.of(seconds: .nan) == nil)
        #expect(DurationNanoseconds.of(seconds: 9.3e9) == nil)
        #expect(DurationNanoseconds.of(seconds: 2.5) == 2_500_000_000)
        #expect(DurationNanoseconds.of(seconds: 9_223_372_036, nanoseconds: 999_999_999) == nil)
        #expect(DurationNanoseconds.of(seconds: 9_223_372_036, nanoseconds: 854_775_807) == .max)
        #expect(DurationNanoseconds.of(seconds: Int64.max) == nil)
    }

    @Test func aPANOSElapsedTimeBeyondInt64NanosecondsIsRejected() throws {
        let row = String(String(decoding: try fixture("panos-traffic.csv"), as: UTF8.self).split(separator: "\n")[0])
        // Field 37, the elapsed time, is the only field that reads 94.
        let changed = row.replacingOccurrences(of: ",94,", with: ",9223372036854775807,")
        #expect(changed != row)
        let outcome = PANOSReader.outcome(of: changed)
        #expect(outcome.rejection == #"panos elapsed time "9223372036854775807" is not a duration under 292 years"#)
    }

    @Test(arguments: [
        // 9,223,372,036.854775808 s is one nanosecond past Int64.
        "9223372036.854775808", "999999999999999.999999999",
    ])
    func aZeekDurationBeyondInt64NanosecondsIsRejected(duration: String) {
        let line = #"{"ts":1704456694.1,"uid":"C1","id.orig_h":"10.1.2.3","id.orig_p":1,"id.resp_h":"198.51.100.7","id.resp_p":445,"proto":"tcp","conn_state":"SF","duration":DURATION}"#
        let outcome = ZeekJSONReader.outcome(of: line.replacingOccurrences(of: "DURATION", with: duration))
        #expect(outcome.rejection == #"zeek duration "\#(duration)" is not a duration"#)
    }

    @Test(arguments: ["1e300", "99999999999999", "1.8e308"])
    func aZeekTimePastTheYear9999IsRejected(time: String) {
        let line = #"{"ts":TIME,"uid":"C1","id.orig_h":"10.1.2.3","id.orig_p":1,"id.resp_h":"198.51.100.7","id.resp_p":445,"proto":"tcp","conn_state":"SF"}"#
        let outcome = ZeekJSONReader.outcome(of: line.replacingOccurrences(of: "TIME", with: time))
        #expect(outcome.rejection == #"zeek ts "\#(time)" is not a time"#)
    }

    @Test(arguments: ["1e300", "-1e300", "253402300800000", "\"-62167219201000\""])
    func anECSEpochTimestampOutsideYears0To9999IsRejected(stamp: String) {
        let line = #"{"@timestamp":STAMP,"event":{"dataset":"flow"},"source":{"ip":"10.0.0.1","port":1},"destination":{"ip":"1.1.1.1","port":445},"network":{"transport":"tcp"}}"#
        let outcome = ECSReader.outcome(of: line.replacingOccurrences(of: "STAMP", with: stamp))
        #expect(outcome.rejection?.contains("is not a timestamp") == true)
    }

    @Test func theLastEpochMillisecondOfTheYear9999IsATime() throws {
        let bytes = Array("253402300799999".utf8)
        let date = try #require(bytes.withLineBytes {
            TimestampParser.date(epoch: $0, unit: .milliseconds)
        })
        #expect(date.timeIntervalSince1970 == 253_402_300_799.999)
    }
}
