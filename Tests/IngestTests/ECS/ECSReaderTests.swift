import Detection
import Foundation
import Testing
@testable import Ingest

@Suite struct ECSReaderTests {
    func ip(_ text: String) -> IPAddress { IPAddress(text)! }

    @Test func packetbeat8FlowMapsEveryField() throws {
        let event = try #require(ECSReader.outcome(of: ECSFixtures.packetbeat8).event)
        #expect(event.dataset == "flow")
        #expect(event.categories == ["network"])
        #expect(event.types == ["connection", "end"])
        #expect(event.action == "network_flow")
        #expect(event.sourceIPs == [ip("10.1.2.3")])
        #expect(event.sourcePort == 52345)
        #expect(event.sourceBytes == 1234)
        #expect(event.sourcePackets == 10)
        #expect(event.destinationIPs == [ip("52.1.2.3")])
        #expect(event.destinationPort == 445)
        #expect(event.destinationBytes == 5678)
        #expect(event.destinationPackets == 12)
        #expect(event.transport == "tcp")
        #expect(event.communityID == "1:abcd")
        #expect(event.flowID == "EQIA////DP//////FP8BAAEAUFZHk2OXUFZHk2OY")
        #expect(event.isFinalReport == true)
        #expect(event.observerHostName == "sensor-01")
        #expect(event.durationNanoseconds == 29_500_000_000)
        #expect(event.timestamp?.timeIntervalSince1970 == 1_796_033_720.123)
        #expect(event.start?.timeIntervalSince1970 == 1_796_033_690)
        #expect(event.end?.timeIntervalSince1970 == 1_796_033_719.5)
        #expect(event.isSMB)
    }

    @Test func intermediateReportsAreEventsMarkedNotFinal() throws {
        let event = try #require(ECSReader.outcome(of: ECSFixtures.packetbeat7Intermediate).event)
        #expect(event.isFinalReport == false)
        #expect(event.flowID == "QAT/////AP//////CP8AAAEKAQID")
        #expect(event.categories == ["network_traffic", "network"])
        #expect(event.destinationPort == 139)
    }

    @Test func agentFlowIDAndIPv6() throws {
        let event = try #require(ECSReader.outcome(of: ECSFixtures.agentFlow).event)
        #expect(event.dataset == "network_traffic.flow")
        #expect(event.flowID == "FQQA/wz/////////////AAB/")
        #expect(event.isFinalReport == true)
        #expect(event.sourceIPs == [ip("::1")])
        #expect(!event.sourceIPs[0].isIPv4)
    }

    @Test func dottedExportWithNumbersAsStrings() throws {
        let event = try #require(ECSReader.outcome(of: ECSFixtures.dottedExport).event)
        #expect(event.categories == ["network"])
        #expect(event.sourcePort == 50000)
        #expect(event.destinationPort == 445)
        #expect(event.sourceBytes == 42)
        // Kept as written: Elasticsearch holds it so, and the rule's `network.transport:tcp` never matches it.
        #expect(event.transport == "TCP")
        #expect(event.isFinalReport == true)
        #expect(event.timestamp?.timeIntervalSince1970 == 1_700_000_000.123)
    }

    @Test func searchHitSourceIsTheDocument() throws {
        let event = try #require(ECSReader.outcome(of: ECSFixtures.searchHit).event)
        #expect(event.sourceIPs == [ip("10.9.8.7")])
        #expect(event.sourcePort == 50123)
        #expect(event.destinationIPs == [ip("8.8.8.8")])
        #expect(event.flowID == "abc")
        #expect(event.dataset == "flow")
    }

    @Test func categoryAsAString() throws {
        let event = try #require(ECSReader.outcome(of: ECSFixtures.categoryString).event)
        #expect(event.categories == ["network_traffic"])
    }

    @Test func tunnelAddressArrays() throws {
        let event = try #require(ECSReader.outcome(of: ECSFixtures.tunnel).event)
        #expect(event.sourceIPs == [ip("10.0.0.8"), ip("192.168.0.8")])
        #expect(event.destinationIPs == [ip("20.0.0.9"), ip("52.0.0.9")])
    }

    @Test func processUserAndHost() throws {
        let event = try #require(ECSReader.outcome(of: ECSFixtures.endpoint).event)
        #expect(event.processExecutable == #"C:\Windows\System32\svchost.exe"#)
        #expect(event.processID == 4242)
        #expect(event.userName == "alice")
        #expect(event.userDomain == "CORP")
        #expect(event.observerHostName == "WS-20")
        #expect(event.sourceDomain == "ws-20.corp.example")
        #expect(event.destinationDomain == "files.example")
        #expect(event.code == "3")
        #expect(event.module == "sysmon")
        #expect(event.outcome == "success")
        #expect(event.direction == "egress")
        #expect(event.applicationProtocol == "microsoft-ds")
        #expect(event.timestamp?.timeIntervalSince1970 == 1_796_029_200)
    }

    @Test func unparsableAddressIsRejectedWithTheField() throws {
        let reason = try #require(ECSReader.outcome(of: #"{"source":{"ip":"10.0.0.300"},"destination":{"ip":"1.1.1.1"}}"#).rejection)
        #expect(reason.hasPrefix(#"source.ip "10.0.0.300" is not an IP address: "#))
    }

    @Test func badPortAndCounterAreRejected() {
        #expect(ECSReader.outcome(of: #"{"source.ip":"10.0.0.1","destination.port":70000}"#).rejection
            == #"destination.port "70000" is not a port number"#)
        #expect(ECSReader.outcome(of: #"{"source.ip":"10.0.0.1","source.bytes":"lots"}"#).rejection
            == #"source.bytes "lots" is not a non-negative integer"#)
        #expect(ECSReader.outcome(of: #"{"source.ip":"10.0.0.1","@timestamp":"noon"}"#).rejection
            == #"@timestamp "noon" is not a timestamp"#)
    }

    @Test func controlCharactersInRejectedValuesAreEscaped() throws {
        let reason = try #require(ECSReader.outcome(of: #"{"source.ip":"\u001b[31mx"}"#).rejection)
        #expect(!reason.unicodeScalars.contains { $0.value < 0x20 })
        #expect(reason.contains(#"\u{1b}[31mx"#))
    }

    @Test func objectsWithoutAddressesAreSkipped() {
        #expect(ECSReader.outcome(of: #"{"message":"hello","event":{"dataset":"system.auth"}}"#)
            == .skipped(reason: "no source.ip or destination.ip: not a network event"))
    }

    @Test func preECSPacketbeatIsRejectedClearly() throws {
        let line = #"{"type":"flow","flow_id":"x","final":true,"source":{"ip":"10.0.0.1"},"dest":{"ip":"1.2.3.4","port":445}}"#
        // Has source.ip, so it is read; the 6.x layout is caught only when no ECS address is present.
        #expect(ECSReader.outcome(of: line).event != nil)
        let legacyOnly = #"{"type":"flow","flow_id":"x","dest":{"ip":"1.2.3.4","port":445}}"#
        let reason = try #require(ECSReader.outcome(of: legacyOnly).rejection)
        #expect(reason.hasPrefix("pre-ECS Packetbeat 6.x flow"))
    }

    @Test func syntaxErrorsAndBlankLines() {
        #expect(ECSReader.outcome(of: #"{"source":{"ip":"1.1.1.1"}"#).rejection == "invalid JSON at byte 27: unterminated object")
        #expect(ECSReader.outcome(of: "   ") == .structural)
        #expect(ECSReader.outcome(of: "") == .structural)
    }

    @Test func recognizesECSButNotOtherJSONFormats() {
        #expect(ECSReader.recognizes([ECSFixtures.packetbeat8, ECSFixtures.agentFlow]))
        #expect(ECSReader.recognizes([ECSFixtures.searchHit]))
        #expect(ECSReader.recognizes(["", ECSFixtures.dottedExport]))
        #expect(!ECSReader.recognizes([#"{"ts":1.5,"uid":"C1","id.orig_h":"10.0.0.1","id.resp_h":"10.0.0.2"}"#]))
        #expect(!ECSReader.recognizes([#"{"timestamp":"2023-09-18T06:13:21.216460+0000","event_type":"flow","src_ip":"10.0.0.1","dest_ip":"1.1.1.1"}"#]))
        #expect(!ECSReader.recognizes(["#separator \\x09", "#fields\tts\tuid"]))
        #expect(!ECSReader.recognizes([#"{"message":"no network here"}"#]))
        #expect(!ECSReader.recognizes([]))
    }
}
