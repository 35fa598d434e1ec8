import Detection

/// One bidirectional flow as Packetbeat's flow module counts it: packets and IP-layer bytes each
/// way, first and last packet time, and for TCP what the handshake and teardown showed.
struct Flow: Sendable {
    /// The TCP state a flow ended in (`connectionState`): nil for other transports.
    enum TCPState: String, Sendable {
        /// The originator's packets only (a SYN with no reply).
        case attempt
        /// Both sides sent, no FIN or RST seen.
        case established
        /// A RST was seen.
        case reset
        /// Both sides sent a FIN.
        case finished
    }

    var key: FlowKey
    /// True when the `lower` endpoint of the key started the flow.
    var lowerIsOriginator: Bool
    /// Per direction: index 0 is what `lower` sent, 1 what `upper` sent.
    var packets: (UInt64, UInt64) = (0, 0)
    var bytes: (UInt64, UInt64) = (0, 0)
    /// Packet times in nanoseconds since 1970.
    var firstTime: Int64
    var lastTime: Int64
    /// The 1-based number of the flow's first packet in its capture.
    var firstPacket: Int
    var sawSYN = false
    var finFromLower = false
    var finFromUpper = false
    var sawReset = false

    init(key: FlowKey, sentByLower: Bool, time: Int64, packetNumber: Int) {
        self.key = key
        lowerIsOriginator = sentByLower
        firstTime = time
        lastTime = time
        firstPacket = packetNumber
    }

    /// True once the flow is over by TCP's own account: both FINs, or a RST. Such a flow stays in
    /// the table until the next sweep, so the last ACK and retransmissions still count to it.
    var isClosed: Bool { sawReset || (finFromLower && finFromUpper) }

    /// Counts one packet. The originator is the sender of the flow's SYN (the receiver of a
    /// SYN-ACK seen before any SYN), else the sender of its first packet.
    mutating func record(_ packet: DecodedPacket, sentByLower: Bool, time: Int64) {
        if sentByLower {
            packets.0 += 1
            bytes.0 += UInt64(packet.ipBytes)
        } else {
            packets.1 += 1
            bytes.1 += UInt64(packet.ipBytes)
        }
        lastTime = max(lastTime, time)
        let flags = packet.tcpFlags
        guard key.transport == 6, flags != 0 else { return }
        if flags & 0x02 != 0, !sawSYN {
            sawSYN = true
            lowerIsOriginator = flags & 0x10 == 0 ? sentByLower : !sentByLower
        }
        if flags & 0x01 != 0 {
            if sentByLower { finFromLower = true } else { finFromUpper = true }
        }
        if flags & 0x04 != 0 { sawReset = true }
    }

    /// True when `packet` opens a new connection on this flow's 5-tuple: a SYN without ACK after
    /// the flow closed (port reuse).
    func isReopened(by packet: DecodedPacket) -> Bool {
        isClosed && packet.tcpFlags & 0x12 == 0x02
    }

    var tcpState: TCPState? {
        guard key.transport == 6 else { return nil }
        if sawReset { return .reset }
        if finFromLower && finFromUpper { return .finished }
        let responderPackets = lowerIsOriginator ? packets.1 : packets.0
        return responderPackets == 0 ? .attempt : .established
    }
}
