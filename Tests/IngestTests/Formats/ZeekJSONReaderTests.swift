import Detection
import Foundation
import Testing
@testable import Ingest

@Suite struct ZeekJSONReaderTests {
    @Test func readsUseJSONDialectWithEpochTimesAndOmittedFields() throws {
        let events = readAll(ZeekJSONReader.self, try fixture("zeek-json-ascii.ndjson")).events
        try #require(events.count == 2)
        let smb = events[0]
        #expect(smb.dataset == "zeek.connection")
        #expect(smb.module == "zeek")
        #expect(smb.flowID == "CJa1")
        #expect(smb.sourceIPs == [ip("10.1.2.3")])
        #expect(smb.destinationIPs == [ip("198.51.100.7")])
        #expect(smb.destinationPort == 445)
        #expect(smb.transport == "tcp")
        #expect(smb.sourceBytes == 1300)
        #expect(smb.destinationBytes == 2300)
        #expect(smb.durationNanoseconds == 2_000_001_000)
        #expect(smb.direction == "outbound")
        #expect(smb.communityID == "1:xyz=")
        #expect(smb.types == ["connection", "start", "end"])
        let timestamp = try #require(smb.timestamp)
        #expect(abs(timestamp.timeIntervalSince1970 - 1_704_456_694.123456) < 1e-6)
        #expect(events[1].applicationProtocol == nil)
        #expect(events[1].transport == "udp")
        #expect(events[1].direction == nil)
    }

    @Test func readsJSONStreamingDialectWithPathAndISOTimes() throws {
        let outcomes = readAll(ZeekJSONReader.self, try fixture("zeek-json-streaming.ndjson"))
        #expect(outcomes[1].skip == "zeek dns log is not read")
        let mapping = try #require(outcomes[0].event)
        #expect(mapping.dataset == "zeek.smb_mapping")
        #expect(mapping.transport == "tcp")
        #expect(mapping.applicationProtocol == "smb")
        #expect(mapping.timestamp == epoch(1_521_911_721.382822))
        let connection = try #require(outcomes[2].event)
        #expect(connection.dataset == "zeek.connection")
        #expect(connection.types == ["connection", "info"])
        #expect(connection.durationNanoseconds == 9_750_000_000)
        #expect(connection.timestamp == epoch(1_521_911_750.25))
    }

    @Test func readsUnderscoreKeysWithStreamAndInterleavedLogs() throws {
        let outcomes = readAll(ZeekJSONReader.self, try fixture("zeek-json-otrf.ndjson"))
        let connection = try #require(outcomes[0].event)
        #expect(connection.dataset == "zeek.connection")
        #expect(connection.sourceIPs == [ip("10.0.1.6")])
        #expect(connection.destinationPort == 445)
        #expect(connection.sourceBytes == 1307)
        #expect(connection.applicationProtocol == "gssapi,smb,krb")
        #expect(connection.observerHostName == "bobs.bigwheel.local")
        #expect(connection.durationNanoseconds == 10_761_076_927)
        let files = try #require(outcomes[1].event)
        #expect(files.dataset == "zeek.smb_files")
        #expect(files.action == "SMB::FILE_OPEN")
        #expect(files.types == ["connection", "protocol", "info"])
        #expect(outcomes[2].skip == "zeek x509 log is not read")
        #expect(outcomes[3].event?.dataset == "zeek.smb_cmd")
    }

    @Test func readsNestedObjectsAndInfersTheLogTypeDespiteBOMAndCRLF() throws {
        let outcomes = readAll(ZeekJSONReader.self, try fixture("zeek-json-nested.ndjson"))
        #expect(outcomes.count == 3)
        #expect(outcomes[2] == .structural)
        let connection = try #require(outcomes[0].event)
        #expect(connection.dataset == "zeek.connection")
        #expect(connection.sourceIPs == [ip("192.168.5.5")])
        #expect(connection.destinationIPs == [ip("203.0.113.77")])
        #expect(connection.destinationPort == 139)
        #expect(connection.direction == "internal")
        #expect(connection.types == ["connection", "start", "denied"])
        #expect(outcomes[1].event?.dataset == "zeek.smb_mapping")
        #expect(outcomes[1].event?.timestamp == epoch(1_704_456_701))
    }

    @Test func recognizesEveryDialectButNotOtherJSON() throws {
        for name in ["zeek-json-ascii.ndjson", "zeek-json-streaming.ndjson", "zeek-json-otrf.ndjson", "zeek-json-nested.ndjson"] {
            #expect(ZeekJSONReader.recognizes(try sample(name)), "\(name)")
        }
        #expect(!ZeekJSONReader.recognizes([#"{"@timestamp":"2024-01-01T00:00:00Z","source":{"ip":"10.0.0.1"}}"#]))
        #expect(!ZeekJSONReader.recognizes(["#separator \\x09"]))
    }

    @Test(arguments: [
        (#"[1,2]"#, "zeek JSON: invalid JSON at byte 1: expected a JSON object"),
        (#"{"ts":1.5,"uid":"C1","id.orig_h":"10.0.0.999","id.resp_h":"10.0.0.2","conn_state":"SF"}"#,
         "zeek id.orig_h \"10.0.0.999\" is not an IP address"),
        (#"{"ts":"yesterday","uid":"C1","id.orig_h":"10.0.0.1","id.resp_h":"10.0.0.2","conn_state":"SF"}"#,
         "zeek ts \"yesterday\" is not a time"),
        (#"{"_path":"conn","uid":"C1","id.orig_h":"10.0.0.1","id.resp_h":"10.0.0.2"}"#, "zeek record has no ts value"),
    ])
    func rejectsMalformedLinesWithTheReason(line: String, reason: String) {
        #expect(readAll(ZeekJSONReader.self, line).first?.rejection == reason)
    }

    @Test func rejectsInvalidJSON() {
        let reason = readAll(ZeekJSONReader.self, #"{"ts": 1, "uid": "#).first?.rejection
        #expect(reason?.hasPrefix("zeek JSON: invalid JSON") == true)
    }

    @Test func skipsRecordsThatFitNoLogRead() {
        #expect(readAll(ZeekJSONReader.self, #"{"ts":1.0,"fuid":"F1","mime_type":"text/plain"}"#).first?.skip
            == "zeek log of an unknown type is not read")
    }
}
