import Detection

/// What a packet's headers say about the flow it belongs to.
struct DecodedPacket: Sendable, Equatable {
    var source: IPAddress
    var destination: IPAddress
    /// TCP/UDP/SCTP ports; 0 for other protocols and for fragments after the first.
    var sourcePort: UInt16
    var destinationPort: UInt16
    /// The IP protocol number of the transport header (after IPv6 extension headers).
    var transport: UInt8
    /// The packet's size at the IP layer, IP header included: the IPv4 total length or 40 plus the
    /// IPv6 payload length (as the IP header states it, so a capture cut at a snap length still
    /// counts what went over the wire, and Ethernet padding does not count).
    var ipBytes: Int
    /// The TCP flags byte (FIN 0x01, SYN 0x02, RST 0x04, ACK 0x10); 0 for other protocols.
    var tcpFlags: UInt8
    /// True for an IP fragment, first or later.
    var isFragment: Bool
    /// True for a fragment after the first: it carries no transport header, so its ports are unknown.
    var isLaterFragment: Bool
}

/// Why a packet gave no flow.
enum PacketVerdict: Sendable, Equatable {
    case packet(DecodedPacket)
    /// Not IP (ARP, LLDP, an unknown loopback family): counted, not an error.
    case notIP
    /// A header that is cut short or contradicts itself; the reason names which.
    case malformed(String)
}
