import CPcap
import Foundation

/// Writes test captures through libpcap's dump API (`pcap_open_dead` + `pcap_dump`), so the reader
/// is tested on files libpcap itself made. Times are nanoseconds since 1970.
enum SyntheticCapture {
    struct Packet {
        var time: Int64
        var bytes: [UInt8]
    }

    /// Writes `packets` as a classic pcap file of link type `dataLink` (a DLT number), with
    /// micro- or nanosecond times, in this machine's byte order.
    static func write(_ packets: [Packet], dataLink: Int32 = 1, nanoseconds: Bool = false, to path: String) {
        let precision = UInt32(nanoseconds ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO)
        let dead = pcap_open_dead_with_tstamp_precision(dataLink, 65_535, precision)!
        defer { pcap_close(dead) }
        let dumper = pcap_dump_open(dead, path)!
        defer { pcap_dump_close(dumper) }
        for packet in packets {
            let fraction = packet.time % 1_000_000_000
            var header = pcap_pkthdr()
            header.ts.tv_sec = Int(packet.time / 1_000_000_000)
            header.ts.tv_usec = nanoseconds ? Int(fraction) : Int(fraction / 1_000)
            header.caplen = UInt32(packet.bytes.count)
            header.len = UInt32(packet.bytes.count)
            packet.bytes.withUnsafeBufferPointer { bytes in
                pcap_dump(UnsafeMutablePointer<UInt8>(dumper), &header, bytes.baseAddress!)
            }
        }
    }

    /// A temporary path for a capture; the directory is removed with `cleanUp`.
    static func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smbtriage-captures-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    /// The same capture in the other byte order: libpcap writes only its host's, and reads both.
    /// Swaps the file header's fields and each record header's four words.
    static func byteSwapped(_ file: [UInt8]) -> [UInt8] {
        var swapped = file
        func swap(_ offset: Int, _ width: Int) {
            swapped[offset..<offset + width].reverse()
        }
        swap(0, 4); swap(4, 2); swap(6, 2)
        for field in stride(from: 8, to: 24, by: 4) { swap(field, 4) }
        let littleEndian = file[0] == 0xD4 || file[0] == 0x4D
        var offset = 24
        while offset + 16 <= file.count {
            let word = file[offset + 8..<offset + 12]
            let captured = littleEndian ? word.reversed().reduce(0) { $0 << 8 | Int($1) } : word.reduce(0) { $0 << 8 | Int($1) }
            for field in stride(from: offset, to: offset + 16, by: 4) { swap(field, 4) }
            offset += 16 + captured
        }
        return swapped
    }

    /// A minimal pcapng file (libpcap cannot write pcapng): a Section Header Block, one Interface
    /// Description Block per link type given (nanosecond times when asked), and an Enhanced Packet
    /// Block per packet on the interface its `interface` index names.
    static func pcapng(_ packets: [(interface: UInt32, packet: Packet)], interfaces: [(dataLink: UInt16, nanoseconds: Bool)]) -> [UInt8] {
        var file: [UInt8] = []
        func append32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { file += $0 } }
        func append16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { file += $0 } }
        func block(_ type: UInt32, _ body: [UInt8]) {
            let padded = body + [UInt8](repeating: 0, count: (4 - body.count % 4) % 4)
            append32(type)
            append32(UInt32(12 + padded.count))
            file += padded
            append32(UInt32(12 + padded.count))
        }
        func le32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
        func le16(_ value: UInt16) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
        block(0x0A0D_0D0A, le32(0x1A2B_3C4D) + le16(1) + le16(0) + [UInt8](repeating: 0xFF, count: 8))
        for interface in interfaces {
            // if_tsresol (option 9): 9 = nanoseconds; the default is microseconds.
            let options: [UInt8] = interface.nanoseconds ? le16(9) + le16(1) + [9, 0, 0, 0] + le16(0) + le16(0) : []
            block(1, le16(interface.dataLink) + le16(0) + le32(65_535) + options)
        }
        for (interface, packet) in packets {
            let perSecond: Int64 = interfaces[Int(interface)].nanoseconds ? 1_000_000_000 : 1_000_000
            let units = UInt64(packet.time / (1_000_000_000 / perSecond))
            let body = le32(interface) + le32(UInt32(units >> 32)) + le32(UInt32(truncatingIfNeeded: units))
                + le32(UInt32(packet.bytes.count)) + le32(UInt32(packet.bytes.count)) + packet.bytes
            block(6, body)
        }
        return file
    }
}
