import CPcap
import BenchmarkSupport
import TestSupport
import Foundation

/// Writes a deterministic Ethernet/IPv4/TCP capture through libpcap's dump API, sized like real
/// traffic: connections of 10 to 200 packets each way (handshake, data, FIN), full 1,514-byte
/// segments one way with 66-byte ACKs back, some mid-sized requests and replies (a mean of about
/// 800 bytes a packet), 1 connection in 8 to port 445, up to 4,096 connections at once.
struct CaptureGenerator {
    private var random = SplitMix64(seed: 0x5EED_2026)
    private var frame = [UInt8](repeating: 0, count: 1_514)

    /// Writes about `bytes` bytes of capture to `path`; returns the packets written.
    mutating func write(bytes target: Int, to path: String) -> Int {
        let dead = pcap_open_dead_with_tstamp_precision(1, 65_535, UInt32(PCAP_TSTAMP_PRECISION_MICRO))!
        defer { pcap_close(dead) }
        let dumper = pcap_dump_open(dead, path)!
        defer { pcap_dump_close(dumper) }
        var written = 24
        var packets = 0
        var time: Int64 = 1_700_000_000 * 1_000_000
        var connection = 0
        var open: [(client: UInt32, server: UInt32, port: UInt16, serverPort: UInt16, left: Int)] = []
        while written < target {
            if open.count < 4_096 {
                connection += 1
                let client = 0x0A00_0000 | UInt32(truncatingIfNeeded: next() % 65_536)
                let server = 0xC0A8_0000 | UInt32(truncatingIfNeeded: next() % 4_096)
                let serverPort: UInt16 = connection % 8 == 0 ? 445 : [443, 80, 8080, 22][Int(next() % 4)]
                open.append((client, server, UInt16(1_024 + connection % 60_000), serverPort, 10 + Int(next() % 190)))
                emit(open[open.count - 1], flags: 0x02, payload: 0, outbound: true, time: &time, dumper, &written, &packets)
                emit(open[open.count - 1], flags: 0x12, payload: 0, outbound: false, time: &time, dumper, &written, &packets)
            }
            let index = Int(next() % UInt64(open.count))
            let flow = open[index]
            switch next() % 10 {
            case 0..<5: emit(flow, flags: 0x18, payload: 1_460, outbound: false, time: &time, dumper, &written, &packets)
            case 5..<8: emit(flow, flags: 0x10, payload: 0, outbound: true, time: &time, dumper, &written, &packets)
            default: emit(flow, flags: 0x18, payload: 200 + Int(next() % 600), outbound: true, time: &time, dumper, &written, &packets)
            }
            open[index].left -= 1
            if open[index].left <= 0 {
                emit(flow, flags: 0x11, payload: 0, outbound: true, time: &time, dumper, &written, &packets)
                emit(flow, flags: 0x11, payload: 0, outbound: false, time: &time, dumper, &written, &packets)
                open.swapAt(index, open.count - 1)
                open.removeLast()
            }
        }
        return packets
    }

    private mutating func emit(
        _ flow: (client: UInt32, server: UInt32, port: UInt16, serverPort: UInt16, left: Int),
        flags: UInt8, payload: Int, outbound: Bool, time: inout Int64, _ dumper: OpaquePointer,
        _ written: inout Int, _ packets: inout Int
    ) {
        let length = 54 + payload
        func put16(_ value: UInt16, _ offset: Int) { frame[offset] = UInt8(value >> 8); frame[offset + 1] = UInt8(value & 0xFF) }
        func put32(_ value: UInt32, _ offset: Int) { put16(UInt16(value >> 16), offset); put16(UInt16(value & 0xFFFF), offset + 2) }
        put16(0x0800, 12)
        frame[14] = 0x45
        put16(UInt16(length - 14), 16)
        frame[22] = 64
        frame[23] = 6
        put32(outbound ? flow.client : flow.server, 26)
        put32(outbound ? flow.server : flow.client, 30)
        put16(outbound ? flow.port : flow.serverPort, 34)
        put16(outbound ? flow.serverPort : flow.port, 36)
        frame[46] = 0x50
        frame[47] = flags
        time += 1 + Int64(next() % 20)
        var header = pcap_pkthdr()
        header.ts.tv_sec = Int(time / 1_000_000)
        header.ts.tv_usec = Int(time % 1_000_000)
        header.caplen = UInt32(length)
        header.len = UInt32(length)
        frame.withUnsafeBufferPointer { pcap_dump(UnsafeMutablePointer<UInt8>(dumper), &header, $0.baseAddress!) }
        written += 16 + length
        packets += 1
    }

    private mutating func next() -> UInt64 { random.next() }
}
