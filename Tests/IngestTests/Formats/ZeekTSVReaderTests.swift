import Detection
import Foundation
import Testing
@testable import Ingest

@Suite struct ZeekTSVReaderTests {
    @Test func readsConnLogByFieldNamesWithExtraColumnsEscapesAndCloseAnywhere() throws {
        let outcomes = readAll(ZeekTSVReader.self, try fixture("zeek-conn.log"))
        #expect(outcomes.count == 12)
        #expect(outcomes.filter { $0 == .structural }.count == 9)
        let events = outcomes.events
        try #require(events.count == 3)

        let completed = events[0]
        #expect(completed.dataset == "zeek.connection")
        #expect(completed.module == "zeek")
        #expect(completed.categories == ["network"])
        #expect(completed.types == ["connection", "start", "end"])
        #expect(completed.flowID == "CAbc1")
        #expect(completed.sourceIPs == [ip("10.1.2.3")])
        #expect(completed.sourcePort == 49152)
        #expect(completed.destinationIPs == [ip("198.51.100.7")])
        #expect(completed.destinationPort == 445)
        #expect(completed.transport == "tcp")
        #expect(completed.applicationProtocol == "smb,gssapi")
        #expect(completed.durationNanoseconds == 1_500_000_000)
        #expect(completed.sourceBytes == 1300)
        #expect(completed.destinationBytes == 2300)
        #expect(completed.sourcePackets == 12)
        #expect(completed.destinationPackets == 10)
        #expect(completed.connectionState == "SF")
        #expect(completed.direction == "outbound")
        #expect(completed.communityID == "1:abc=")
        let timestamp = try #require(completed.timestamp)
        #expect(abs(timestamp.timeIntervalSince1970 - 1_704_456_694.123456) < 1e-6)

        let attempt = events[1]
        #expect(attempt.flowID == "CAx\\y")
        #expect(attempt.sourceIPs == [ip("fe80::1")])
        #expect(attempt.destinationIPs == [ip("2001:db8::5")])
        #expect(attempt.applicationProtocol == nil)
        #expect(attempt.durationNanoseconds == nil)
        #expect(attempt.direction == nil)
        #expect(attempt.communityID == nil)
        #expect(attempt.types == ["connection", "start"])

        let rejected = events[2]
        #expect(rejected.types == ["connection", "start", "denied"])
        #expect(rejected.direction == "internal")
        #expect(rejected.durationNanoseconds == 250_000_000)
        #expect(rejected.timestamp == epoch(1_704_456_696.5))
    }

    @Test func newHeaderMidFileResetsStateAndOtherLogsAreSkippedByName() throws {
        let outcomes = readAll(ZeekTSVReader.self, try fixture("zeek-mixed.log"))
        #expect(outcomes[3].skip == "zeek dns log is not read")
        let events = outcomes.events
        try #require(events.count == 2)
        #expect(events[0].dataset == "zeek.smb_mapping")
        #expect(events[0].transport == "tcp")
        #expect(events[0].applicationProtocol == "smb")
        #expect(events[0].types == ["connection", "protocol"])
        #expect(events[0].flowID == "C4RwE01ohVxASBuobd")
        #expect(events[1].dataset == "zeek.smb_files")
        #expect(events[1].categories == ["network", "file"])
        #expect(events[1].types == ["connection", "protocol", "deletion"])
        #expect(events[1].action == "SMB::FILE_DELETE")
        #expect(events[1].destinationIPs == [ip("203.0.113.9")])
    }

    @Test func recognizesZeekHeadersOnly() throws {
        #expect(ZeekTSVReader.recognizes(try sample("zeek-conn.log")))
        #expect(ZeekTSVReader.recognizes(["#fields\tts\tuid"]))
        #expect(!ZeekTSVReader.recognizes(["{\"ts\":1}", "# a comment"]))
    }

    static let header = "#separator \\x09\n#path\tconn\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\n"

    @Test(arguments: [
        ("1.0\tC1\t10.0.0.300\t1\t10.0.0.2\t445\ttcp", "zeek id.orig_h \"10.0.0.300\" is not an IP address"),
        ("1.0\tC1\t10.0.0.1\t70000\t10.0.0.2\t445\ttcp", "zeek id.orig_p \"70000\" is not a port"),
        ("XXXXXXXXXX.XXXXXX\tC1\t10.0.0.1\t1\t10.0.0.2\t445\ttcp", "zeek ts \"XXXXXXXXXX.XXXXXX\" is not a time"),
        ("-\tC1\t10.0.0.1\t1\t10.0.0.2\t445\ttcp", "zeek row has no ts value"),
        ("1.0\tC1\t10.0.0.1", "zeek row has 3 columns; #fields declares 7"),
        ("1.0\tC1\t\u{1B}[31m\t1\t10.0.0.2\t445\ttcp", "zeek id.orig_h \"\\u{1b}[31m\" is not an IP address"),
    ])
    func rejectsMalformedRowsWithTheReason(row: String, reason: String) {
        let outcomes = readAll(ZeekTSVReader.self, Self.header + row)
        #expect(outcomes.last?.rejection == reason)
    }

    @Test func rejectsDataBeforeFieldsAndOddSeparators() {
        let early = readAll(ZeekTSVReader.self, "1.0\tC1\t10.0.0.1\n")
        #expect(early.first?.rejection == "zeek data row before any #fields header")
        let separator = readAll(ZeekTSVReader.self, "#separator ab\n")
        #expect(separator.first?.rejection?.contains("is not a single byte") == true)
    }

    @Test func honoursDeclaredSeparatorAndUnsetMarker() {
        let text = "#separator \\x2c\n#unset_field,NONE\n#path,conn\n#fields,ts,id.orig_h,id.resp_h,id.resp_p,proto,duration\n"
            + "7.25,10.0.0.1,10.0.0.2,445,tcp,NONE\n"
        let event = readAll(ZeekTSVReader.self, text).events.first
        #expect(event?.timestamp == epoch(7.25))
        #expect(event?.destinationPort == 445)
        #expect(event?.durationNanoseconds == nil)
    }
}
