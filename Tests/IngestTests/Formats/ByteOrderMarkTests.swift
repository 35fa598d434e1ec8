import Foundation
import Testing
@testable import Ingest

/// Windows tools start files with a UTF-8 byte order mark; the pipeline strips line terminators
/// but leaves the mark on line 1 to the reader.
@Suite struct ByteOrderMarkTests {
    static let mark = "\u{FEFF}"

    func firstOutcome<Reader: LineReader>(_ reader: Reader.Type, _ line: String) -> LineOutcome? {
        readAll(reader, Self.mark + line).first
    }

    @Test func everyJSONAndCSVReaderToleratesAMarkOnLineOne() throws {
        let suricata = #"{"timestamp":"2023-09-18T06:13:21.2+0000","event_type":"flow","src_ip":"10.0.0.1","dest_ip":"10.0.0.2","dest_port":445,"proto":"TCP"}"#
        #expect(firstOutcome(SuricataReader.self, suricata)?.event?.destinationPort == 445)
        let sysmon = #"{"EventID":3,"Channel":"Microsoft-Windows-Sysmon/Operational","SourceIp":"10.0.0.1","DestinationIp":"10.0.0.2","DestinationPort":"445"}"#
        #expect(firstOutcome(SysmonReader.self, sysmon)?.event?.destinationPort == 445)
        let panos = PANOSReaderTests.trafficRow([:])
        #expect(firstOutcome(PANOSReader.self, panos)?.event?.destinationPort == 445)
        let zeek = #"{"_path":"conn","ts":1.0,"uid":"C1","id.orig_h":"10.0.0.1","id.resp_h":"10.0.0.2","id.resp_p":445}"#
        #expect(firstOutcome(ZeekJSONReader.self, zeek)?.event?.destinationPort == 445)
        #expect(SuricataReader.recognizes([Self.mark + suricata]))
        #expect(SysmonReader.recognizes([Self.mark + sysmon]))
        #expect(PANOSReader.recognizes([Self.mark + panos]))
        #expect(ZeekJSONReader.recognizes([Self.mark + zeek]))
        #expect(ZeekTSVReader.recognizes([Self.mark + "#separator \\x09"]))
    }
}
