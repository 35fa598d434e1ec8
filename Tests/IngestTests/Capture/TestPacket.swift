/// Builds the packets synthetic captures hold: IPv4/IPv6 with TCP or UDP, wrapped in the link
/// layers the reader decodes. Lengths in the headers are right unless a test overrides them.
enum TestPacket {
    static let syn: UInt8 = 0x02, ack: UInt8 = 0x10, fin: UInt8 = 0x01, rst: UInt8 = 0x04, psh: UInt8 = 0x08

    /// A 20-byte TCP header and `payload` zero bytes.
    static func tcp(_ sourcePort: UInt16, _ destinationPort: UInt16, flags: UInt8, payload: Int = 0) -> [UInt8] {
        be16(sourcePort) + be16(destinationPort) + [0, 0, 0, 1, 0, 0, 0, 0, 0x50, flags, 0xFF, 0xFF, 0, 0, 0, 0]
            + [UInt8](repeating: 0, count: payload)
    }

    static func udp(_ sourcePort: UInt16, _ destinationPort: UInt16, payload: Int = 0) -> [UInt8] {
        be16(sourcePort) + be16(destinationPort) + be16(UInt16(8 + payload)) + [0, 0] + [UInt8](repeating: 0, count: payload)
    }

    /// An IPv4 packet from `source` to `destination` (dotted quads) carrying `transport`.
    static func ipv4(
        _ source: [UInt8], _ destination: [UInt8], protocol number: UInt8 = 6, _ transport: [UInt8],
        fragment: UInt16 = 0
    ) -> [UInt8] {
        let total = UInt16(20 + transport.count)
        return [0x45, 0] + be16(total) + [0, 1] + be16(fragment) + [64, number, 0, 0] + source + destination + transport
    }

    /// An IPv6 packet; `extensions` are (next header, bytes) pairs placed before `transport`.
    static func ipv6(
        _ source: [UInt8], _ destination: [UInt8], protocol number: UInt8 = 6, _ transport: [UInt8],
        extensions: [(type: UInt8, bytes: [UInt8])] = []
    ) -> [UInt8] {
        var chain: [UInt8] = []
        let types = extensions.map(\.type) + [number]
        for (index, header) in extensions.enumerated() {
            var bytes = header.bytes
            bytes[0] = types[index + 1]
            chain += bytes
        }
        let payload = chain + transport
        return [0x60, 0, 0, 0] + be16(UInt16(payload.count)) + [types[0], 64] + source + destination + payload
    }

    static func ethernet(_ ip: [UInt8], vlanTags: [UInt16] = []) -> [UInt8] {
        let isIPv6 = ip.first.map { $0 >> 4 == 6 } ?? false
        var frame: [UInt8] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
        for (index, tag) in vlanTags.enumerated() {
            frame += be16(index == 0 && vlanTags.count > 1 ? 0x88A8 : 0x8100) + be16(tag)
        }
        return frame + be16(isIPv6 ? 0x86DD : 0x0800) + ip
    }

    /// Linux cooked v1: packet type, ARPHRD, address length, 8 address bytes, protocol.
    static func linuxCooked(_ ip: [UInt8]) -> [UInt8] {
        [0, 0, 0, 1, 0, 6, 0, 1, 2, 3, 4, 5, 0, 0] + be16(ip[0] >> 4 == 6 ? 0x86DD : 0x0800) + ip
    }

    /// Linux cooked v2: protocol, reserved, interface index, ARPHRD, packet type, address length, 8 address bytes.
    static func linuxCookedV2(_ ip: [UInt8]) -> [UInt8] {
        be16(ip[0] >> 4 == 6 ? 0x86DD : 0x0800) + [0, 0, 0, 0, 0, 2, 0, 1, 0, 6, 0, 1, 2, 3, 4, 5, 0, 0] + ip
    }

    /// BSD loopback: the address family in `bigEndian` (DLT_LOOP) or little-endian (DLT_NULL from an x86 host).
    static func loopback(_ ip: [UInt8], family: UInt32, bigEndian: Bool) -> [UInt8] {
        let bytes = withUnsafeBytes(of: bigEndian ? family.bigEndian : family.littleEndian) { Array($0) }
        return bytes + ip
    }

    static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }

    static let client: [UInt8] = [10, 0, 0, 5]
    static let server: [UInt8] = [10, 0, 0, 9]
    static let client6: [UInt8] = [0x20, 0x01, 0x0D, 0xB8] + [UInt8](repeating: 0, count: 11) + [5]
    static let server6: [UInt8] = [0x20, 0x01, 0x0D, 0xB8] + [UInt8](repeating: 0, count: 11) + [9]
}
