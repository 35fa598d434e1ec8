import Foundation
import Testing
@testable import Ingest

/// Each fixture is recognized by its own reader and by no other format reader, so the sniffer's
/// order among them does not matter; an ECS flow is recognized by none of them.
@Suite struct FormatRecognitionTests {
    static let formatReaders: [any LineReader.Type] = [
        ZeekTSVReader.self, ZeekJSONReader.self, SuricataReader.self, SysmonReader.self, PANOSReader.self,
    ]

    @Test(arguments: [
        ("zeek-conn.log", LogFormat.zeekTSV), ("zeek-mixed.log", .zeekTSV),
        ("zeek-json-ascii.ndjson", .zeekJSON), ("zeek-json-streaming.ndjson", .zeekJSON),
        ("zeek-json-otrf.ndjson", .zeekJSON), ("zeek-json-nested.ndjson", .zeekJSON),
        ("suricata-eve.json", .suricata), ("sysmon-winlogbeat7.ndjson", .sysmon),
        ("sysmon-winlogbeat8.ndjson", .sysmon), ("sysmon-nxlog.ndjson", .sysmon), ("panos-traffic.csv", .panos),
    ])
    func exactlyItsOwnReaderRecognizesAFixture(name: String, format: LogFormat) throws {
        let lines = try sample(name)
        #expect(Self.formatReaders.filter { $0.recognizes(lines) }.map { $0.format } == [format])
    }

    @Test(arguments: [
        ("suricata-eve.json", LogFormat.suricata), ("zeek-json-streaming.ndjson", .zeekJSON),
        ("sysmon-winlogbeat8.ndjson", .sysmon),
    ])
    func aForeignFirstObjectDoesNotDecideTheFormatButAForeignMajorityDoes(name: String, format: LogFormat) throws {
        let lines = try sample(name).filter { !$0.isEmpty }
        let foreign = #"{"message":"not of this format","level":"info"}"#
        #expect(FormatSniffer.detect([foreign] + lines)?.format == format)
        #expect(FormatSniffer.detect(Array(repeating: foreign, count: lines.count) + lines)?.format != format)
    }

    @Test func noFormatReaderClaimsAnECSFlow() {
        let flow = #"{"@timestamp":"2026-01-05T12:00:00Z","event":{"dataset":"network_traffic.flow","category":["network"]},"source":{"ip":"10.0.0.1","port":50000},"destination":{"ip":"1.2.3.4","port":445},"network":{"transport":"tcp"}}"#
        #expect(Self.formatReaders.filter { $0.recognizes([flow]) }.isEmpty)
    }
}
