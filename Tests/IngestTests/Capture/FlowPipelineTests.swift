import Foundation
import Testing
import TestSupport
@testable import Ingest

/// The capture path counts packets through a `FlowPipeline` (two packets behind, prefetching each
/// one's flow); counting each packet into a `FlowTable` at once must give the same flows, in the
/// same order, on generated captures that reuse ports, reset, close, time out, evict, and mix in
/// IPv6, fragments, non-IP and malformed packets.
@Suite struct FlowPipelineTests {
    typealias Packet = SyntheticCapture.Packet

    /// A random Ethernet capture over few endpoints, so that flows collide in the table and reopen.
    static func capture(seed: UInt64, packets count: Int) -> [Packet] {
        var random = SplitMix64(seed: seed)
        func pick(_ range: Int) -> Int { Int(random.next() % UInt64(range)) }
        let flags: [UInt8] = [TestPacket.syn, TestPacket.syn | TestPacket.ack, TestPacket.ack, TestPacket.psh | TestPacket.ack,
                              TestPacket.fin | TestPacket.ack, TestPacket.rst, TestPacket.rst | TestPacket.ack]
        var time: Int64 = 1_700_000_000 * 1_000_000_000
        return (0..<count).map { _ in
            // Mostly a few microseconds apart; now and then a gap past the 30 s idle timeout.
            time += pick(500) == 0 ? 31_000_000_000 : Int64(1 + pick(2_000)) * 1_000
            let client: [UInt8] = [10, 0, 0, UInt8(pick(6))]
            let server: [UInt8] = [10, 0, 1, UInt8(pick(4))]
            let ports = (UInt16(40_000 + pick(8)), [UInt16(445), 139, 80][pick(3)])
            let outbound = pick(2) == 0
            let (source, destination) = outbound ? (client, server) : (server, client)
            let (sourcePort, destinationPort) = outbound ? ports : (ports.1, ports.0)
            let tcp = TestPacket.tcp(sourcePort, destinationPort, flags: flags[pick(flags.count)], payload: pick(300))
            let frame: [UInt8]
            switch pick(40) {
            case 0: frame = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0x06] + [UInt8](repeating: 0, count: 28) // ARP
            case 1: frame = Array(TestPacket.ethernet(TestPacket.ipv4(source, destination, tcp)).prefix(30)) // cut short
            case 2: frame = TestPacket.ethernet(TestPacket.ipv4(source, destination, tcp, fragment: 0x2000))
            case 3: frame = TestPacket.ethernet(TestPacket.ipv4(source, destination, tcp, fragment: 0x0010))
            case 4..<8:
                let (source6, destination6) = outbound ? (TestPacket.client6, TestPacket.server6) : (TestPacket.server6, TestPacket.client6)
                frame = TestPacket.ethernet(TestPacket.ipv6(source6, destination6, tcp))
            case 8..<10: frame = TestPacket.ethernet(TestPacket.ipv4(source, destination, protocol: 17, TestPacket.udp(sourcePort, destinationPort)))
            default: frame = TestPacket.ethernet(TestPacket.ipv4(source, destination, tcp))
            }
            return Packet(time: time, bytes: frame)
        }
    }

    /// Every flow of `packets`, each packet decoded and counted into a `FlowTable` at once.
    static func flowsOneAtATime(_ packets: [Packet], settings: FlowSettings) -> [Flow] {
        let decoder = PacketDecoder(linkType: .ethernet)
        var table = FlowTable(settings: settings)
        var flows: [Flow] = []
        for (index, packet) in packets.enumerated() {
            guard case .packet(let decoded) = decoder.decode(packet.bytes.span), !decoded.isLaterFragment else { continue }
            table.add(table.arrival(of: decoded, time: packet.time, number: index + 1)) { flows.append($0) }
        }
        table.finish { flows.append($0) }
        return flows
    }

    @Test(arguments: [(seed: UInt64(1), capacity: 65_536), (seed: 2, capacity: 24), (seed: 3, capacity: 5)])
    func theCapturePathEndsTheSameFlowsAsCountingEachPacketAtOnce(seed: UInt64, capacity: Int) throws {
        let packets = Self.capture(seed: seed, packets: 6_000)
        let settings = FlowSettings(capacity: capacity)
        let path = SyntheticCapture.temporaryPath("pipeline.pcap")
        defer { unlink(path) }
        SyntheticCapture.write(packets, nanoseconds: true, to: path)
        let expected = Self.flowsOneAtATime(packets, settings: settings)
        let actual = try allFlows(atPath: path, settings: settings)
        #expect(expected.count > 300)
        #expect(actual.count == expected.count)
        let (got, want) = (actual.map { String(describing: $0) }, expected.map { String(describing: $0) })
        if let index = got.indices.first(where: { $0 < want.count && got[$0] != want[$0] }) {
            Issue.record("flow \(index + 1) differs:\n\(got[index])\nwhere counting at once gives\n\(want[index])")
        }
    }
}
