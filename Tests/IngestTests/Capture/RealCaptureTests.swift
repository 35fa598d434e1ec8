import Detection
import Foundation
import Testing
@testable import Ingest

/// Flows from the public SMB captures, against facts counted independently (dpkt; see
/// Fixtures/captures/README.md): originator, packets and IP-layer bytes each way, Community ID.
@Suite struct RealCaptureTests {
    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var endpoints: String
        var packets: (Int64, Int64)
        var bytes: (Int64, Int64)
        var communityID: String
        var description: String { file }
    }

    static let singleConnections = [
        Expected(file: "smb1-01_smb1.pcap", endpoints: "192.168.1.78:55770 → 192.168.1.53:445",
                 packets: (27, 9), bytes: (3_985, 29_592), communityID: "1:IqCL2PFUPjRZZCYfEWxF3PALgUM="),
        Expected(file: "smb3-01_input.pcap", endpoints: "10.160.64.139:38166 → 10.160.65.202:445",
                 packets: (27, 27), bytes: (5_904, 7_016), communityID: "1:Zua2s/4yEig7eZk7vwRe+ov076k="),
        Expected(file: "dcerpc-smb-test-01_input.pcap", endpoints: "192.168.10.31:49285 → 192.168.10.10:445",
                 packets: (83, 92), bytes: (35_508, 32_098), communityID: "1:b+Szw+ia464igf5e+MwW1WUzw9Y="),
    ]

    @Test(arguments: singleConnections)
    func oneSMBConnectionWithItsCountsEachWay(_ expected: Expected) throws {
        let (summary, events) = try ingestCapture(atPath: capturePath("suricata-verify/\(expected.file)"))
        #expect(summary.format == .pcap)
        #expect(summary.fatalError == nil)
        #expect(summary.rejected == 0)
        #expect(summary.lines == Int(expected.packets.0 + expected.packets.1))
        #expect(summary.smbEvents == 1)
        let event = try #require(events.first?.event)
        #expect(events.count == 1)
        #expect(event.endpoints == expected.endpoints)
        #expect(event.sourcePackets == expected.packets.0)
        #expect(event.destinationPackets == expected.packets.1)
        #expect(event.sourceBytes == expected.bytes.0)
        #expect(event.destinationBytes == expected.bytes.1)
        #expect(event.communityID == expected.communityID)
        #expect(event.transport == "tcp")
        #expect(event.dataset == "network_traffic.flow")
        #expect(event.categories == ["network"])
        #expect(event.isFinalReport == true)
        let start = try #require(event.start)
        let end = try #require(event.end)
        #expect(start < end)
        let duration = Double(try #require(event.durationNanoseconds)) / 1e9
        #expect(abs(end.timeIntervalSince(start) - duration) < 1e-3)
    }

    @Test func thePsexecCaptureHoldsFourSMBConnections() throws {
        let (summary, events) = try ingestCapture(atPath: capturePath("suricata-verify/smb2-07_20171220_smb_psexec_add_user.pcap"))
        #expect(summary.fatalError == nil)
        let servers = events.map { "\($0.event.destinationIPs[0]):\($0.event.destinationPort ?? 0)" }.sorted()
        #expect(servers == ["192.168.10.10:445", "192.168.10.10:445", "192.168.10.30:139", "192.168.10.30:139"])
        #expect(events.allSatisfy { $0.event.sourceIPs == [ip("192.168.10.31")] })
        // The other flows (RPC, DNS, a SYN to 49163 retried with no answer) are counted, not delivered.
        #expect(summary.events > events.count)
        let flows = try allFlows(atPath: capturePath("suricata-verify/smb2-07_20171220_smb_psexec_add_user.pcap"))
        let unanswered = try #require(flows.first { $0.responder.port == 49163 })
        #expect(unanswered.tcpState == .attempt)
        #expect(unanswered.originatorCounts.packets == 3)
    }

    @Test func anIngestedFlowKeepsItsDocumentAndFirstPacket() throws {
        let (_, events) = try ingestCapture(atPath: capturePath("suricata-verify/smb1-01_smb1.pcap"))
        let origin = try #require(events.first?.origin)
        #expect(origin.format == "pcap")
        #expect(origin.line == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(origin.original.utf8)) as? [String: Any])
        let network = try #require(document["network"] as? [String: Any])
        #expect(network["community_id"] as? String == "1:IqCL2PFUPjRZZCYfEWxF3PALgUM=")
        let source = try #require(document["source"] as? [String: Any])
        #expect(source["ip"] as? String == "192.168.1.78")
        #expect(source["bytes"] as? Int == 3_985)
        #expect((document["flow"] as? [String: Any])?["final"] as? Bool == true)
        #expect((document["event"] as? [String: Any])?["dataset"] as? String == "network_traffic.flow")
        // Read twice, the same flow gives the same record, so the store keeps it once.
        let (_, again) = try ingestCapture(atPath: capturePath("suricata-verify/smb1-01_smb1.pcap"))
        #expect(again.first?.origin.original == origin.original)
    }

    /// The specification's captures: every TCP, UDP and SCTP flow's Community ID is the one its
    /// test vectors give for the flow's tuple (both directions are listed there).
    @Test(arguments: ["tcp.pcap", "udp.pcap", "ipv6.pcap", "combined.pcap.gz"])
    func communityIDsMatchTheSpecificationsVectors(_ file: String) throws {
        let vectors = CommunityIDTests.vectors
        let flows = try allFlows(atPath: capturePath("community-id-spec/\(file)"))
        let ported = flows.filter { [6, 17, 132].contains($0.key.transport) }
        var matched = 0
        for flow in ported {
            let vector = vectors.first {
                $0.proto == flow.key.transport && ip($0.saddr) == flow.originator.address
                    && ip($0.daddr) == flow.responder.address && $0.sport == Int(flow.originator.port)
                    && $0.dport == Int(flow.responder.port)
            }
            guard let vector else { continue }
            matched += 1
            #expect(flow.communityID?.description == vector.communityid, "\(file): \(flow.key)")
        }
        #expect(matched > 0, "no flow of \(file) has a vector")
    }

    @Test func aGzipCaptureIsReadLikeAPlainOne() throws {
        let (summary, _) = try ingestCapture(atPath: capturePath("community-id-spec/combined.pcap.gz"))
        #expect(summary.format == .pcap)
        #expect(summary.fatalError == nil)
        #expect(summary.lines > 0)
        #expect(summary.events > 1)
    }
}
