/// Turns an open capture's packets into flows: decodes each packet, counts it to its flow in a
/// `FlowTable` (through a `FlowPipeline`), and hands every flow that ends to `emit`, the remaining
/// ones at the end.
struct CaptureFlowReader {
    /// What the packets were, counted while reading.
    struct Tally {
        var packets = 0
        var flows = 0
        var notIP = 0
        var malformed = 0
        var fragments = 0
        var evictedFlows = 0
    }

    /// Why reading stopped before the end of the capture.
    enum Stop {
        /// A malformed packet in strict mode.
        case strict(packet: Int, reason: String)
        /// libpcap could read no further (a truncated or damaged capture); its message.
        case damaged(afterPacket: Int, message: String)
    }

    private let reader: CaptureReader
    private let decoder: PacketDecoder
    private var flows: FlowPipeline
    private(set) var tally = Tally()

    /// Nil when the capture's link type is not one `PacketDecoder` decodes.
    init?(_ reader: CaptureReader, settings: FlowSettings) {
        guard let linkType = LinkType(dataLink: reader.dataLink) else { return nil }
        self.reader = reader
        decoder = PacketDecoder(linkType: linkType)
        flows = FlowPipeline(table: FlowTable(settings: settings))
    }

    /// Reads to the end of the capture (or the stop it returns). `reject` gets each malformed
    /// packet's number and reason and returns true to stop there.
    mutating func read(emit: (Flow) throws -> Void, reject: (Int, String) -> Bool) throws -> Stop? {
        var stop: Stop?
        func ended(_ flow: Flow) throws {
            tally.flows += 1
            try emit(flow)
        }
        let end = try reader.read { time, bytes in
            tally.packets += 1
            switch decoder.decode(bytes) {
            case .packet(let packet):
                if packet.isFragment { tally.fragments += 1 }
                if !packet.isLaterFragment { try flows.add(packet, time: time, number: tally.packets, emit: ended) }
            case .notIP:
                tally.notIP += 1
            case .malformed(let reason):
                tally.malformed += 1
                try flows.drain(emit: ended)
                if reject(tally.packets, reason) {
                    stop = .strict(packet: tally.packets, reason: reason)
                    return false
                }
            }
            return true
        }
        if case .failure(let message) = end { stop = .damaged(afterPacket: tally.packets, message: message) }
        try flows.finish(emit: ended)
        tally.evictedFlows = flows.table.evicted
        return stop
    }
}
