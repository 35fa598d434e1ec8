import CPcap
import Foundation
import Testing
@testable import Ingest

/// `CaptureReader` (the capture path's unsafe kernel: `pcap_dispatch`, its callback, the packet as a
/// `Span`) against the plain way of reading a capture: `pcap_next_ex` one packet at a time.
@Suite struct CaptureReaderTests {
    struct Packet: Equatable {
        var time: Int64
        var bytes: [UInt8]
    }

    /// Every packet of the capture at `path` read by `pcap_next_ex`, and what stopped it.
    func plainPackets(_ path: String) throws -> (packets: [Packet], failed: Bool) {
        var message = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        let handle = try #require(pcap_open_offline_with_tstamp_precision(path, UInt32(PCAP_TSTAMP_PRECISION_NANO), &message))
        defer { pcap_close(handle) }
        var packets: [Packet] = []
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<UInt8>?
        while true {
            switch pcap_next_ex(handle, &header, &data) {
            case 1:
                let stamp = try #require(header).pointee
                let time = Int64(stamp.ts.tv_sec) * 1_000_000_000 + Int64(stamp.ts.tv_usec)
                packets.append(Packet(time: time, bytes: Array(UnsafeBufferPointer(start: data, count: Int(stamp.caplen)))))
            case PCAP_ERROR_BREAK:
                return (packets, false)
            default:
                return (packets, true)
            }
        }
    }

    /// The packets `CaptureReader` hands out for the capture at `path`, up to `limit`.
    func readerPackets(_ path: String, limit: Int = .max) throws -> (packets: [Packet], end: CaptureReader.End) {
        let reader = try CaptureReader(file: try #require(fopen(path, "rb")))
        var packets: [Packet] = []
        let end = try reader.read { time, bytes in
            var copy: [UInt8] = []
            for index in bytes.indices { copy.append(bytes[index]) }
            packets.append(Packet(time: time, bytes: copy))
            return packets.count < limit
        }
        return (packets, end)
    }

    @Test(arguments: [
        "suricata-verify/smb2-07_20171220_smb_psexec_add_user.pcap", "suricata-verify/dcerpc-smb-test-01_input.pcap",
        "community-id-spec/ipv6.pcap", "community-id-spec/udp.pcap",
    ])
    func everyPacketAndTimeAsPcapNextExReadsThem(_ name: String) throws {
        let path = try capturePath(name)
        let plain = try plainPackets(path)
        let read = try readerPackets(path)
        #expect(!plain.failed)
        #expect(read.end == .end)
        #expect(read.packets.count == plain.packets.count)
        #expect(read.packets == plain.packets)
    }

    @Test func theCaptureIsReadThroughTheLargeStreamBuffer() throws {
        let path = try capturePath("suricata-verify/smb3-01_input.pcap")
        let reader = try CaptureReader(file: try #require(fopen(path, "rb")))
        #expect(reader.streamBufferBytes == CaptureReader.streamBufferSize)
        _ = try reader.read { _, _ in true }
        #expect(reader.streamBufferBytes == CaptureReader.streamBufferSize)
        reader.close()
        #expect(reader.streamBufferBytes == 0)
    }

    @Test func aDamagedCaptureEndsWithLibpcapsMessageAfterTheSamePackets() throws {
        let source = try capturePath("suricata-verify/smb3-01_input.pcap")
        let whole = try Data(contentsOf: URL(fileURLWithPath: source))
        let path = SyntheticCapture.temporaryPath("cut.pcap")
        defer { unlink(path) }
        try whole.prefix(whole.count - 10).write(to: URL(fileURLWithPath: path))
        let plain = try plainPackets(path)
        let read = try readerPackets(path)
        #expect(plain.failed)
        #expect(read.packets == plain.packets)
        guard case .failure(let message) = read.end else {
            Issue.record("expected a failure, got \(read.end)")
            return
        }
        #expect(message.contains("truncated"), "\(message)")
    }

    @Test func theHandlerStopsReadingAndItsErrorComesBack() throws {
        let path = try capturePath("suricata-verify/smb3-01_input.pcap")
        let stopped = try readerPackets(path, limit: 5)
        #expect(stopped.end == .stopped)
        #expect(stopped.packets == Array(try plainPackets(path).packets.prefix(5)))

        struct Refused: Error {}
        let reader = try CaptureReader(file: try #require(fopen(path, "rb")))
        var seen = 0
        #expect(throws: Refused.self) {
            _ = try reader.read { _, _ in
                seen += 1
                if seen == 3 { throw Refused() }
                return true
            }
        }
        #expect(seen == 3)
    }
}
