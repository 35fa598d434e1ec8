import Crypto
import Detection
import Foundation

/// The Community ID v1 of a flow (corelight/community-id-spec): the identifier Zeek, Suricata and
/// Packetbeat give one connection, so records of it from several sensors can be joined.
///
/// `"1:"` followed by the base64 SHA-1 of seed · address · address · protocol · 0 · port · port, with
/// the endpoints in a fixed order so both directions hash alike. ICMP and ICMPv6 put the type and code
/// where the ports go; a request and its reply (echo, timestamp, neighbor solicitation, …) share one ID,
/// and other messages keep their direction. Protocols without ports hash the addresses alone.
public struct CommunityID: Hashable, Sendable, CustomStringConvertible {
    /// The text form, e.g. `1:LQU9qZlK+B5F3KDmev6m5PMibrg=`.
    public let description: String

    /// The IANA protocol numbers the specification gives ports to.
    public enum TransportProtocol: UInt8, Sendable {
        case icmp = 1, tcp = 6, udp = 17, icmpv6 = 58, sctp = 132

        /// The protocol named by `network.transport` as ECS writes it (`tcp`, `udp`, `icmp`,
        /// `ipv6-icmp`, `sctp`), or `nil` for a name it does not know.
        public init?(transport: String) {
            switch transport.lowercased() {
            case "tcp": self = .tcp
            case "udp": self = .udp
            case "icmp": self = .icmp
            case "ipv6-icmp", "icmpv6", "icmp6": self = .icmpv6
            case "sctp": self = .sctp
            default: return nil
            }
        }
    }

    /// The ID of a flow with ports (for ICMP: the type as `sourcePort`, the code as
    /// `destinationPort`). `nil` when the two addresses are of different families or a port or ICMP
    /// value is out of its range.
    public init?(
        source: IPAddress, sourcePort: Int, destination: IPAddress, destinationPort: Int,
        transport: TransportProtocol, seed: UInt16 = 0
    ) {
        guard source.isIPv4 == destination.isIPv4,
              let first = UInt16(exactly: sourcePort), let second = UInt16(exactly: destinationPort)
        else { return nil }
        var ports = (first, second)
        var isOneWay = false
        if transport == .icmp || transport == .icmpv6 {
            guard first <= UInt8.max, second <= UInt8.max else { return nil }
            let counterparts = transport == .icmp ? Self.icmpCounterparts : Self.icmpv6Counterparts
            if let counterpart = counterparts[UInt8(first)] {
                ports.1 = UInt16(counterpart)
            } else {
                isOneWay = true
            }
        }
        var endpoints = (source: source, sourcePort: ports.0, destination: destination, destinationPort: ports.1)
        if !isOneWay, (destination, ports.1) < (source, ports.0) {
            endpoints = (destination, ports.1, source, ports.0)
        }
        self.init(seed: seed, endpoints.source, endpoints.destination, protocolNumber: transport.rawValue,
                  ports: (endpoints.sourcePort, endpoints.destinationPort))
    }

    /// The ID of a flow of a protocol without ports (any IANA protocol number): the addresses alone.
    public init?(source: IPAddress, destination: IPAddress, protocolNumber: UInt8, seed: UInt16 = 0) {
        guard source.isIPv4 == destination.isIPv4 else { return nil }
        let (first, second) = destination < source ? (destination, source) : (source, destination)
        self.init(seed: seed, first, second, protocolNumber: protocolNumber, ports: nil)
    }

    /// An ID as a record carries it, when it is a well-formed v1 ID (`1:` and 28 base64 characters
    /// of a 20-byte digest); anything else is not trusted.
    public init?(validating text: String) {
        guard text.utf8.count == 30, text.hasPrefix("1:"),
              Data(base64Encoded: String(text.dropFirst(2)))?.count == Insecure.SHA1.byteCount
        else { return nil }
        description = text
    }

    /// The ID of seed · first · second · protocol · 0 (· port · port).
    private init(seed: UInt16, _ first: IPAddress, _ second: IPAddress, protocolNumber: UInt8, ports: (UInt16, UInt16)?) {
        description = CommunityIDKernel.text(seed: seed, first, second, protocolNumber: protocolNumber, ports: ports)
    }

    /// ICMP messages with a counterpart (RFC 792, 950, 1256): echo, router advertisement and
    /// solicitation, timestamp, information, address mask; request ↔ reply.
    private static let icmpCounterparts: [UInt8: UInt8] = [
        8: 0, 0: 8, 13: 14, 14: 13, 15: 16, 16: 15, 10: 9, 9: 10, 17: 18, 18: 17,
    ]
    /// ICMPv6 messages with a counterpart: echo, multicast listener query and report, router and
    /// neighbor solicitation and advertisement, home agent address discovery.
    private static let icmpv6Counterparts: [UInt8: UInt8] = [
        128: 129, 129: 128, 130: 131, 131: 130, 133: 134, 134: 133, 135: 136, 136: 135, 144: 145, 145: 144,
    ]
}
