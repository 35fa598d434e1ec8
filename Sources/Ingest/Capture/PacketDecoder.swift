import Detection

/// Decodes a captured packet's link, IP and transport headers into a `DecodedPacket`. Every length
/// comes from the packet and is checked against the captured bytes before it is used: a hostile
/// or cut packet gives `.malformed`, never a read out of bounds.
struct PacketDecoder: Sendable {
    let linkType: LinkType

    /// VLAN tags beyond this many are malformed (real networks stack two at most).
    static let maximumVLANTags = 8
    /// IPv6 extension headers beyond this many are malformed.
    static let maximumExtensionHeaders = 16

    func decode(_ bytes: Span<UInt8>) -> PacketVerdict {
        switch linkType {
        case .ethernet: return decodeEthernet(bytes)
        case .linuxCooked: return decode(bytes, etherTypeAt: 14, headerLength: 16, linkName: "Linux cooked")
        case .linuxCookedV2: return decode(bytes, etherTypeAt: 0, headerLength: 20, linkName: "Linux cooked v2")
        case .rawIP: return decodeIP(bytes, from: 0)
        case .loopback: return decodeLoopback(bytes)
        }
    }

    @inline(__always)
    private func decodeEthernet(_ bytes: Span<UInt8>) -> PacketVerdict {
        var typeOffset = 12
        for _ in 0...Self.maximumVLANTags {
            guard typeOffset + 2 <= bytes.count else {
                return .malformed("Ethernet header cut short (\(bytes.count) bytes captured)")
            }
            switch bytes.bigEndianUInt16(at: typeOffset) {
            case 0x8100, 0x88A8, 0x9100: typeOffset += 4
            case let etherType: return decodeEtherType(etherType, bytes, from: typeOffset + 2)
            }
        }
        return .malformed("more than \(Self.maximumVLANTags) VLAN tags")
    }

    private func decode(
        _ bytes: Span<UInt8>, etherTypeAt offset: Int, headerLength: Int, linkName: String
    ) -> PacketVerdict {
        guard headerLength <= bytes.count else {
            return .malformed("\(linkName) header cut short (\(bytes.count) of \(headerLength) bytes captured)")
        }
        return decodeEtherType(bytes.bigEndianUInt16(at: offset), bytes, from: headerLength)
    }

    @inline(__always)
    private func decodeEtherType(_ etherType: UInt16, _ bytes: Span<UInt8>, from offset: Int) -> PacketVerdict {
        switch etherType {
        case 0x0800, 0x86DD: decodeIP(bytes, from: offset)
        default: .notIP
        }
    }

    /// The 4-byte family is the capturing host's `AF_INET`/`AF_INET6` in either byte order: 2 for
    /// IPv4; 10 (Linux), 24, 28 or 30 (the BSDs, macOS) for IPv6.
    private func decodeLoopback(_ bytes: Span<UInt8>) -> PacketVerdict {
        guard bytes.count >= 4 else { return .malformed("loopback header cut short (\(bytes.count) of 4 bytes captured)") }
        let big = bytes.bigEndianUInt32(at: 0)
        let family = big > 0xFFFF ? big.byteSwapped : big
        switch family {
        case 2, 10, 24, 28, 30: return decodeIP(bytes, from: 4)
        default: return .notIP
        }
    }

    @inline(__always)
    private func decodeIP(_ bytes: Span<UInt8>, from offset: Int) -> PacketVerdict {
        guard offset < bytes.count else { return .malformed("no IP header captured") }
        switch bytes[offset] >> 4 {
        case 4: return decodeIPv4(bytes, from: offset)
        case 6: return decodeIPv6(bytes, from: offset)
        case let version: return .malformed("IP version \(version)")
        }
    }

    @inline(__always)
    private func decodeIPv4(_ bytes: Span<UInt8>, from start: Int) -> PacketVerdict {
        let captured = bytes.count - start
        guard captured >= 20 else { return .malformed("IPv4 header cut short (\(captured) of 20 bytes captured)") }
        let headerLength = Int(bytes[start] & 0x0F) * 4
        guard headerLength >= 20 else { return .malformed("IPv4 header length \(headerLength) is below 20") }
        guard headerLength <= captured else {
            return .malformed("IPv4 header cut short (\(captured) of \(headerLength) bytes captured)")
        }
        let totalLength = Int(bytes.bigEndianUInt16(at: start + 2))
        guard totalLength >= headerLength else {
            return .malformed("IPv4 total length \(totalLength) is shorter than its header (\(headerLength))")
        }
        let fragmentField = bytes.bigEndianUInt16(at: start + 6)
        let isLaterFragment = fragmentField & 0x1FFF != 0
        var packet = DecodedPacket(
            source: IPAddress(ipv4: bytes.bigEndianUInt32(at: start + 12)),
            destination: IPAddress(ipv4: bytes.bigEndianUInt32(at: start + 16)),
            sourcePort: 0, destinationPort: 0, transport: bytes[start + 9], ipBytes: totalLength, tcpFlags: 0,
            isFragment: isLaterFragment || fragmentField & 0x2000 != 0, isLaterFragment: isLaterFragment
        )
        if isLaterFragment { return .packet(packet) }
        let end = min(bytes.count, start + totalLength)
        return decodeTransport(&packet, bytes, from: start + headerLength, end: end)
    }

    private func decodeIPv6(_ bytes: Span<UInt8>, from start: Int) -> PacketVerdict {
        let captured = bytes.count - start
        guard captured >= 40 else { return .malformed("IPv6 header cut short (\(captured) of 40 bytes captured)") }
        let payloadLength = Int(bytes.bigEndianUInt16(at: start + 4))
        // A payload length of 0 announces a jumbogram (RFC 2675): count what was captured.
        let ipBytes = payloadLength == 0 ? captured : 40 + payloadLength
        var packet = DecodedPacket(
            source: IPAddress(high: bytes.bigEndianUInt64(at: start + 8), low: bytes.bigEndianUInt64(at: start + 16)),
            destination: IPAddress(high: bytes.bigEndianUInt64(at: start + 24), low: bytes.bigEndianUInt64(at: start + 32)),
            sourcePort: 0, destinationPort: 0, transport: bytes[start + 6], ipBytes: ipBytes, tcpFlags: 0,
            isFragment: false, isLaterFragment: false
        )
        let end = min(bytes.count, start + ipBytes)
        var offset = start + 40
        for _ in 0..<Self.maximumExtensionHeaders {
            let next: Int
            switch packet.transport {
            case 0, 43, 60: // hop-by-hop, routing, destination options: (length + 1) × 8 bytes
                guard offset + 2 <= end else { return .malformed("IPv6 extension header cut short") }
                next = offset + (Int(bytes[offset + 1]) + 1) * 8
            case 51: // authentication header: (length + 2) × 4 bytes
                guard offset + 2 <= end else { return .malformed("IPv6 authentication header cut short") }
                next = offset + (Int(bytes[offset + 1]) + 2) * 4
            case 44: // fragment header: 8 bytes
                guard offset + 8 <= end else { return .malformed("IPv6 fragment header cut short") }
                packet.isFragment = true
                packet.isLaterFragment = bytes.bigEndianUInt16(at: offset + 2) >> 3 != 0
                next = offset + 8
            default:
                if packet.isLaterFragment { return .packet(packet) }
                return decodeTransport(&packet, bytes, from: offset, end: end)
            }
            packet.transport = bytes[offset]
            offset = next
            guard offset <= end else { return .malformed("IPv6 extension header runs past the packet") }
        }
        return .malformed("more than \(Self.maximumExtensionHeaders) IPv6 extension headers")
    }

    /// Reads the ports (and TCP flags) of a first or unfragmented packet.
    @inline(__always)
    private func decodeTransport(
        _ packet: inout DecodedPacket, _ bytes: Span<UInt8>, from offset: Int, end: Int
    ) -> PacketVerdict {
        let available = end - offset
        switch packet.transport {
        case 6:
            guard available >= 14 else { return .malformed("TCP header cut short (\(max(0, available)) bytes captured)") }
            packet.tcpFlags = bytes[offset + 13]
        case 17, 132:
            guard available >= 4 else { return .malformed("UDP/SCTP header cut short (\(max(0, available)) bytes captured)") }
        default:
            return .packet(packet)
        }
        packet.sourcePort = bytes.bigEndianUInt16(at: offset)
        packet.destinationPort = bytes.bigEndianUInt16(at: offset + 2)
        return .packet(packet)
    }
}

fileprivate extension Span<UInt8> {
    /// The big-endian value at `offset`; the caller has checked that its bytes are in bounds (and
    /// the span checks again).
    @inline(__always)
    func bigEndianUInt16(at offset: Int) -> UInt16 {
        UInt16(bigEndian: bytes.unsafeLoadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    @inline(__always)
    func bigEndianUInt32(at offset: Int) -> UInt32 {
        UInt32(bigEndian: bytes.unsafeLoadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    func bigEndianUInt64(at offset: Int) -> UInt64 {
        UInt64(bigEndian: bytes.unsafeLoadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
