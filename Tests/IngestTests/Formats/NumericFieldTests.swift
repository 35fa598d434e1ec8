import Detection
import Foundation
import Testing
@testable import Ingest

/// Every numeric field a reader takes is checked alike: a negative or non-numeric count, or a
/// port with trailing bytes, rejects the record naming the field (the pipeline adds the file and
/// line); every count up to `Int64.max` reads exactly.
@Suite struct NumericFieldTests {
    private static let zeekHeader = "#separator \\x09\n#path\tconn\n"
        + "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\torig_bytes\tresp_bytes\torig_ip_bytes\n"

    /// A conn.log row to port 53 (not SMB: `readKeepingSMB` only checks it) with the three byte counts.
    private static func zeekRow(origBytes: String, respBytes: String, origIPBytes: String = "40") -> String {
        ["1.0", "C1", "10.0.0.1", "49152", "10.0.0.2", "53", "udp", origBytes, respBytes, origIPBytes].joined(separator: "\t")
    }

    private static func zeekJSON(origBytes: String, respBytes: String, origIPBytes: String = "40") -> String {
        #"{"ts":1.0,"uid":"C1","id.orig_h":"10.0.0.1","id.orig_p":49152,"id.resp_h":"10.0.0.2","id.resp_p":53,"#
            + #""proto":"udp","orig_bytes":\#(origBytes),"resp_bytes":\#(respBytes),"orig_ip_bytes":\#(origIPBytes)}"#
    }

    /// The last line's outcome on both reading paths, which must agree on a rejection.
    private static func lastOutcomes<Reader: LineReader>(_ readerType: Reader.Type, _ text: String) -> (LineOutcome?, LineOutcome?) {
        var full = Reader(options: ReaderOptions())
        var filtered = Reader(options: ReaderOptions())
        var last: (LineOutcome?, LineOutcome?) = (nil, nil)
        for (index, line) in text.split(separator: "\n").enumerated() {
            let bytes = Array(line.utf8)
            last = (bytes.withLineBytes { full.read(line: $0, number: index + 1) },
                    bytes.withLineBytes { filtered.readKeepingSMB(line: $0, number: index + 1) })
        }
        return last
    }

    @Test(arguments: [
        ("-12", "0", #"zeek orig_bytes "-12" is not a count"#),
        ("abc", "0", #"zeek orig_bytes "abc" is not a count"#),
        ("0", "-12", #"zeek resp_bytes "-12" is not a count"#),
        ("0", "9223372036854775808", #"zeek resp_bytes "9223372036854775808" is not a count"#),
    ])
    func zeekPayloadByteCountsAreCheckedLikeTheIPByteCounts(orig: String, resp: String, reason: String) {
        let tsv = Self.lastOutcomes(ZeekTSVReader.self, Self.zeekHeader + Self.zeekRow(origBytes: orig, respBytes: resp))
        #expect(tsv.0?.rejection == reason)
        #expect(tsv.1?.rejection == reason)
        // Written as JSON strings, which Zeek readers take as numbers too when they spell one.
        let json = Self.lastOutcomes(ZeekJSONReader.self, Self.zeekJSON(origBytes: "\"\(orig)\"", respBytes: "\"\(resp)\""))
        #expect(json.0?.rejection == reason)
        #expect(json.1?.rejection == reason)
    }

    @Test func zeekCountsUpToInt64MaxRead() throws {
        let max = "9223372036854775807"
        let tsv = Self.lastOutcomes(ZeekTSVReader.self, Self.zeekHeader + Self.zeekRow(origBytes: max, respBytes: max, origIPBytes: max))
        #expect(try #require(tsv.0?.event).sourceBytes == .max)
        let json = Self.lastOutcomes(ZeekJSONReader.self, Self.zeekJSON(origBytes: max, respBytes: max, origIPBytes: max))
        #expect(try #require(json.0?.event).sourceBytes == .max)
    }

    @Test(arguments: [
        ([32: "-100"], #"panos total bytes "-100" is not a count"#),
        ([32: "many"], #"panos total bytes "many" is not a count"#),
        ([35: "-1"], #"panos total packets "-1" is not a count"#),
    ])
    func panosTotalsAreCheckedLikeTheDirections(changes: [Int: String], reason: String) {
        #expect(PANOSReader.outcome(of: PANOSReaderTests.trafficRow(changes)).rejection == reason)
    }

    @Test func panosCountsUpToInt64MaxRead() throws {
        let max = "9223372036854775807"
        let event = try #require(PANOSReader.outcome(of: PANOSReaderTests.trafficRow([32: max, 33: max, 34: max])).event)
        #expect(event.sourceBytes == .max)
        #expect(event.destinationBytes == .max)
    }

    private static func ecs(_ field: String, _ value: String) -> String {
        #"{"source.ip":"10.9.9.9","destination.ip":"10.0.0.2","network.transport":"tcp","\#(field)":\#(value)}"#
    }

    @Test(arguments: [
        ("destination.port", #""445\u0000""#, #"destination.port "445\u{0}" is not a port number"#),
        ("destination.port", #""445 ""#, #"destination.port "445 " is not a port number"#),
        ("destination.port", #""0x1BD""#, #"destination.port "0x1BD" is not a port number"#),
        ("source.bytes", #""12\u0000junk""#, #"source.bytes "12\u{0}junk" is not a non-negative integer"#),
        ("source.bytes", "-12", #"source.bytes "-12" is not a non-negative integer"#),
        ("source.bytes", "9223372036854775808", #"source.bytes "9223372036854775808" is not a non-negative integer"#),
        ("source.bytes", "-9223372036854775809", #"source.bytes "-9223372036854775809" is not a non-negative integer"#),
    ])
    func ecsNumbersWithTrailingBytesOrOutOfRangeAreRejected(field: String, value: String, reason: String) {
        let line = Self.ecs(field, value)
        #expect(ECSReader.outcome(of: line).rejection == reason)
        var reader = ECSReader(options: ReaderOptions())
        let bytes = Array(line.utf8)
        #expect(bytes.withLineBytes { reader.readKeepingSMB(line: $0, number: 1) }?.rejection == reason)
    }

    @Test(arguments: [
        ("9223372036854775807", Int64.max), (#""9223372036854775807""#, Int64.max),
        ("9223372036854774784", 9_223_372_036_854_774_784), ("4.45e2", 445), ("445.0", 445),
    ])
    func ecsCountsReadExactlyUpToInt64Max(value: String, expected: Int64) throws {
        let event = try #require(ECSReader.outcome(of: Self.ecs("source.bytes", value)).event)
        #expect(event.sourceBytes == expected)
    }

    @Test func suricataSeverityAndSysmonProcessIDAreCounts() {
        let eve = #"{"timestamp":"2026-11-30T07:40:34Z","event_type":"alert","src_ip":"10.0.0.5","dest_ip":"10.0.0.6","alert":{"severity":"high"}}"#
        #expect(SuricataReader.outcome(of: eve).rejection == #"suricata alert.severity "high" is not a non-negative integer"#)
        let sysmon = #"{"EventID":3,"Channel":"Microsoft-Windows-Sysmon/Operational","UtcTime":"2020-09-22 18:53:31.668","#
            + #""SourceIp":"10.0.0.5","DestinationIp":"10.0.0.6","DestinationPort":"445","ProcessId":"-4"}"#
        #expect(SysmonReader.outcome(of: sysmon).rejection == #"sysmon ProcessId "-4" is not a count"#)
    }

    @Test(arguments: [
        ("0", Int64(0)), ("-0", 0), ("9223372036854775807", .max), ("-9223372036854775808", .min),
        ("9223372036854775808", nil), ("-9223372036854775809", nil), ("18446744073709551615", nil),
        ("9999999999999999999", nil), ("", nil), ("-", nil), ("1a", nil), ("+1", nil), ("12\u{0}", nil),
    ])
    func plainIntegersAreExactlyInt64(text: String, expected: Int64?) {
        let bytes = Array(text.utf8)
        #expect(bytes.withLineBytes { $0.withSpan(NumericText.plainInteger) } == expected)
    }
}
