import Detection
import Foundation

extension Flow {
    /// The endpoint that started the flow and the one that answered.
    var originator: (address: IPAddress, port: UInt16) {
        lowerIsOriginator ? (key.lower, key.lowerPort) : (key.upper, key.upperPort)
    }

    var responder: (address: IPAddress, port: UInt16) {
        lowerIsOriginator ? (key.upper, key.upperPort) : (key.lower, key.lowerPort)
    }

    /// Packets and bytes the originator sent, and the responder.
    var originatorCounts: (packets: UInt64, bytes: UInt64) {
        lowerIsOriginator ? (packets.0, bytes.0) : (packets.1, bytes.1)
    }

    var responderCounts: (packets: UInt64, bytes: UInt64) {
        lowerIsOriginator ? (packets.1, bytes.1) : (packets.0, bytes.0)
    }

    /// True for TCP to or from port 139 or 445: the flows the store keeps.
    var isSMB: Bool {
        key.transport == 6 && [key.lowerPort, key.upperPort].contains { $0 == 139 || $0 == 445 }
    }

    /// `network.transport` as Packetbeat writes it, or the protocol number.
    var transportName: String {
        switch key.transport {
        case 1: "icmp"
        case 6: "tcp"
        case 17: "udp"
        case 58: "ipv6-icmp"
        case 132: "sctp"
        case let number: String(number)
        }
    }

    /// The flow's Community ID v1; nil for ICMP, whose type and code the flow key does not hold.
    var communityID: CommunityID? {
        switch CommunityID.TransportProtocol(rawValue: key.transport) {
        case .icmp?, .icmpv6?:
            nil
        case let transport?:
            CommunityID(source: originator.address, sourcePort: Int(originator.port),
                        destination: responder.address, destinationPort: Int(responder.port), transport: transport)
        case nil:
            CommunityID(source: originator.address, destination: responder.address, protocolNumber: key.transport)
        }
    }

    /// The final `network_traffic.flow` event Packetbeat would report for this flow.
    var networkEvent: NetworkEvent {
        let start = Date(nanosecondsSince1970: firstTime)
        let end = Date(nanosecondsSince1970: lastTime)
        let sent = originatorCounts
        let received = responderCounts
        let identifier = communityID?.description
        return NetworkEvent(
            timestamp: end, start: start, end: end, durationNanoseconds: lastTime - firstTime,
            dataset: "network_traffic.flow", module: "network_traffic", categories: ["network"],
            types: ["connection", "end"], action: "network_flow",
            sourceIPs: [originator.address], sourcePort: Int(originator.port),
            sourceBytes: Int64(clamping: sent.bytes), sourcePackets: Int64(clamping: sent.packets),
            destinationIPs: [responder.address], destinationPort: Int(responder.port),
            destinationBytes: Int64(clamping: received.bytes), destinationPackets: Int64(clamping: received.packets),
            transport: transportName, communityID: identifier, flowID: flowID, isFinalReport: true,
            connectionState: tcpState?.rawValue
        )
    }

    /// The Community ID and the first packet's time: the same flow read twice gets the same id,
    /// and a later connection on the same 5-tuple another one.
    var flowID: String {
        "\(communityID?.description ?? transportName)@\(firstTime)"
    }
}

extension Date {
    init(nanosecondsSince1970 nanoseconds: Int64) {
        let seconds = nanoseconds.quotientAndRemainder(dividingBy: 1_000_000_000)
        self.init(timeIntervalSince1970: TimeInterval(seconds.quotient) + TimeInterval(seconds.remainder) / 1e9)
    }
}
