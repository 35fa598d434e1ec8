import Detection
import Foundation
import Testing
@testable import Ingest

@Suite struct SuricataReaderTests {
    @Test func readsFlowEventsAsElasticMapsThem() throws {
        let outcomes = readAll(SuricataReader.self, try fixture("suricata-eve.json"))
        let flow = try #require(outcomes[0].event)
        #expect(flow.dataset == "suricata.eve")
        #expect(flow.module == "suricata")
        #expect(flow.categories == ["network"])
        #expect(flow.types == ["connection", "end"])
        #expect(flow.transport == "tcp")
        #expect(flow.applicationProtocol == "smb")
        #expect(flow.sourceIPs == [ip("10.0.0.5")])
        #expect(flow.sourcePort == 49822)
        #expect(flow.destinationIPs == [ip("198.51.100.20")])
        #expect(flow.destinationPort == 445)
        #expect(flow.sourceBytes == 2456)
        #expect(flow.destinationBytes == 3780)
        #expect(flow.sourcePackets == 14)
        #expect(flow.destinationPackets == 12)
        #expect(flow.flowID == "1455301832163458")
        #expect(flow.connectionState == "closed")
        #expect(flow.communityID == "1:abcd=")
        #expect(flow.timestamp == epoch(1_695_017_601.216460))
        #expect(flow.start == epoch(1_695_017_570.1))
        #expect(flow.durationNanoseconds == 2_500_000_000)
    }

    @Test func readsSMBEventsAndUncompressedIPv6AndIgnoresFailedAppProto() throws {
        let outcomes = readAll(SuricataReader.self, try fixture("suricata-eve.json"))
        let smb = try #require(outcomes[1].event)
        #expect(smb.types == ["protocol"])
        #expect(smb.applicationProtocol == "smb")
        #expect(smb.flowID == "1455301832163458")
        #expect(smb.sourceBytes == nil)
        let ipv6 = try #require(outcomes[2].event)
        #expect(ipv6.sourceIPs == [ip("fe80::202:b3ff:fe1e:8329")])
        #expect(ipv6.destinationIPs == [ip("fe80::202:b3ff:fe1e:1")])
        #expect(ipv6.applicationProtocol == nil)
        #expect(ipv6.types == ["connection", "start"])
        #expect(ipv6.durationNanoseconds == 0)
    }

    @Test func readsProtocolEventsWithAddressesAndSkipsTheOthersByType() throws {
        let outcomes = readAll(SuricataReader.self, try fixture("suricata-eve.json"))
        let dns = try #require(outcomes[3].event)
        #expect(dns.categories == ["network"])
        #expect(dns.types == ["protocol"])
        #expect(dns.applicationProtocol == "dns")
        #expect(dns.transport == "udp")
        #expect(dns.destinationPort == 53)
        #expect(outcomes[4].skip == "suricata stats event")
    }

    @Test func recognizesEveOnly() throws {
        #expect(SuricataReader.recognizes(try sample("suricata-eve.json")))
        #expect(!SuricataReader.recognizes(try sample("zeek-json-ascii.ndjson")))
    }

    @Test(arguments: [
        (#"[{"event_type":"flow"}]"#, "suricata JSON: invalid JSON at byte 1: expected a JSON object"),
        (#"{"timestamp":"2023-09-18T06:13:21.2+0000","event_type":"flow","src_ip":"10.0.0","dest_ip":"10.0.0.2"}"#,
         "suricata src_ip \"10.0.0\" is not an IP address: an IPv4 address has 4 dot-separated octets, found 3"),
        (#"{"timestamp":"18/09/2023","event_type":"flow","src_ip":"10.0.0.1","dest_ip":"10.0.0.2"}"#,
         "suricata timestamp \"18/09/2023\" is not a timestamp"),
        (#"{"timestamp":"2023-09-18T06:13:21.2+0000","event_type":"smb","src_ip":"10.0.0.1","dest_ip":"10.0.0.2","dest_port":99999}"#,
         "suricata dest_port \"99999\" is not a port number"),
        (#"{"timestamp":"2023-09-18T06:13:21.2+0000","src_ip":"10.0.0.1"}"#, "suricata event has no event_type"),
    ])
    func rejectsMalformedEventsWithTheReason(line: String, reason: String) {
        #expect(readAll(SuricataReader.self, line).first?.rejection == reason)
    }
}
