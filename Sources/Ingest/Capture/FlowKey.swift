import Detection

/// A bidirectional 5-tuple: both directions of a connection give the same key. The endpoints are
/// ordered (address, then port), so `lower` is not necessarily the originator.
struct FlowKey: Hashable, Sendable {
    var lower: IPAddress
    var upper: IPAddress
    var lowerPort: UInt16
    var upperPort: UInt16
    var transport: UInt8

    /// The key of `packet`'s flow, and whether the packet was sent by the `lower` endpoint.
    init(_ packet: DecodedPacket, sentByLower: inout Bool) {
        sentByLower = (packet.source, packet.sourcePort) <= (packet.destination, packet.destinationPort)
        if sentByLower {
            (lower, upper, lowerPort, upperPort) = (packet.source, packet.destination, packet.sourcePort, packet.destinationPort)
        } else {
            (lower, upper, lowerPort, upperPort) = (packet.destination, packet.source, packet.destinationPort, packet.sourcePort)
        }
        transport = packet.transport
    }
}
