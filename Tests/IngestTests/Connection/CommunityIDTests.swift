import Detection
import Foundation
import Testing
@testable import Ingest

/// Community ID v1 against the specification's own vectors and its rules for direction and ICMP.
@Suite struct CommunityIDTests {
    struct Vector: Decodable, Sendable, CustomTestStringConvertible {
        var proto: UInt8
        var saddr: String
        var daddr: String
        var sport: Int?
        var dport: Int?
        var communityid: String

        var testDescription: String { "\(proto) \(saddr):\(sport ?? -1) → \(daddr):\(dport ?? -1)" }
    }

    static let vectors: [Vector] = {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
            .appendingPathComponent("community-id-spec/baseline_deflt.json")
        return try! JSONDecoder().decode([Vector].self, from: Data(contentsOf: url))
    }()

    @Test func theSpecificationsVectorsCoverEveryProtocolItNames() {
        #expect(Set(Self.vectors.map(\.proto)) == [1, 6, 17, 46, 58, 132])
        #expect(Self.vectors.filter { $0.sport == nil }.map(\.proto) == [46, 46])
        #expect(Self.vectors.count == 23)
    }

    @Test(arguments: vectors)
    func matchesTheSpecificationsVector(_ vector: Vector) throws {
        let source = try #require(IPAddress(vector.saddr))
        let destination = try #require(IPAddress(vector.daddr))
        let id: CommunityID?
        if let sourcePort = vector.sport, let destinationPort = vector.dport {
            let transport = try #require(CommunityID.TransportProtocol(rawValue: vector.proto))
            id = CommunityID(
                source: source, sourcePort: sourcePort, destination: destination, destinationPort: destinationPort,
                transport: transport
            )
        } else {
            id = CommunityID(source: source, destination: destination, protocolNumber: vector.proto)
        }
        #expect(id?.description == vector.communityid)
    }

    @Test func bothDirectionsOfATCPConnectionShareOneID() throws {
        let client = try #require(IPAddress("10.20.3.47")), server = try #require(IPAddress("52.239.0.10"))
        let outbound = CommunityID(source: client, sourcePort: 50_123, destination: server, destinationPort: 445, transport: .tcp)
        let inbound = CommunityID(source: server, sourcePort: 445, destination: client, destinationPort: 50_123, transport: .tcp)
        #expect(outbound != nil && outbound == inbound)
        let seeded = CommunityID(
            source: client, sourcePort: 50_123, destination: server, destinationPort: 445, transport: .tcp, seed: 1
        )
        #expect(seeded != outbound)
    }

    @Test func valuesOutOfRangeOrMixedFamiliesHaveNoID() throws {
        let v4 = try #require(IPAddress("10.0.0.1")), v6 = try #require(IPAddress("2001:db8::1"))
        #expect(CommunityID(source: v4, sourcePort: 1, destination: v6, destinationPort: 445, transport: .tcp) == nil)
        #expect(CommunityID(source: v4, sourcePort: 70_000, destination: v4, destinationPort: 445, transport: .tcp) == nil)
        #expect(CommunityID(source: v4, sourcePort: -1, destination: v4, destinationPort: 445, transport: .tcp) == nil)
        #expect(CommunityID(source: v4, sourcePort: 300, destination: v4, destinationPort: 0, transport: .icmp) == nil)
        #expect(CommunityID(source: v4, destination: v6, protocolNumber: 47) == nil)
    }

    @Test func aProtocolWithoutPortsHashesTheAddressesInEitherOrder() throws {
        let first = try #require(IPAddress("10.0.0.1")), second = try #require(IPAddress("10.0.0.2"))
        let forward = CommunityID(source: first, destination: second, protocolNumber: 47)
        #expect(forward != nil && forward == CommunityID(source: second, destination: first, protocolNumber: 47))
        #expect(forward != CommunityID(source: first, destination: second, protocolNumber: 50))
    }

    @Test func onlyWellFormedIDsFromARecordAreTrusted() {
        let valid = Self.vectors[0].communityid
        #expect(CommunityID(validating: valid)?.description == valid)
        #expect(CommunityID(validating: "2" + valid.dropFirst()) == nil)
        #expect(CommunityID(validating: String(valid.dropLast())) == nil)
        #expect(CommunityID(validating: "1:" + String(repeating: "!", count: 28)) == nil)
        #expect(CommunityID(validating: "") == nil)
    }

    @Test(arguments: [("tcp", CommunityID.TransportProtocol.tcp), ("TCP", .tcp), ("ipv6-icmp", .icmpv6), ("sctp", .sctp)])
    func namesTheTransportsECSWrites(_ name: String, _ expected: CommunityID.TransportProtocol) {
        #expect(CommunityID.TransportProtocol(transport: name) == expected)
    }
}
