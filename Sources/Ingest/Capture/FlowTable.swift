/// The flows of one capture in progress, bounded in size, ended the way Packetbeat's flow module
/// ends them: a flow with no packet for `timeout` is over. The clock is the capture's own (the
/// latest packet time seen), and every `period` of it the table is swept for flows that timed out
/// or closed (both FINs or a RST: the next sweep ends them, so the final ACK still counts).
/// A new SYN on a closed flow's 5-tuple ends it at once and starts a new flow.
///
/// At `capacity` flows, adding one more first sweeps; if the table is still full, the sixteenth of
/// its flows idle the longest are evicted: ended early, emitted as they stand, and counted.
struct FlowTable {
    let settings: FlowSettings
    private var flows: FlowMap
    private var clock = Int64.min
    private var nextSweep = Int64.min
    /// Flows ended early because the table was full.
    private(set) var evicted = 0

    init(settings: FlowSettings = FlowSettings()) {
        self.settings = settings
        flows = FlowMap(capacity: min(settings.capacity, 4096))
    }

    var count: Int { flows.count }

    /// A packet on its way into the table, with its flow's key and hash worked out (`arrival(of:)`).
    struct Arrival {
        let packet: DecodedPacket
        /// Nanoseconds since 1970.
        let time: Int64
        /// The packet's 1-based number in its capture.
        let number: Int
        let key: FlowKey
        let sentByLower: Bool
        let hash: UInt64
    }

    /// `packet` (time in nanoseconds, number 1-based) ready for `add`; starts loading the part of
    /// the table's index its look-up begins with (see `FlowPipeline`).
    func arrival(of packet: DecodedPacket, time: Int64, number: Int) -> Arrival {
        var sentByLower = false
        let key = FlowKey(packet, sentByLower: &sentByLower)
        let hash = flows.hash(of: key)
        flows.prefetchBucket(hash: hash)
        return Arrival(packet: packet, time: time, number: number, key: key, sentByLower: sentByLower, hash: hash)
    }

    /// Starts loading the flow `arrival` will most likely be counted to, once its bucket is in.
    func prefetchFlow(of arrival: Arrival) {
        flows.prefetchFlow(hash: arrival.hash)
    }

    /// Counts the packet of `arrival` to its flow; calls `emit` with the flows that end before it,
    /// oldest first.
    mutating func add(_ arrival: Arrival, emit: (Flow) throws -> Void) rethrows {
        let (packet, time, key, sentByLower) = (arrival.packet, arrival.time, arrival.key, arrival.sentByLower)
        if time > clock { clock = time }
        if clock >= nextSweep {
            if nextSweep != Int64.min { try sweep(emit: emit) }
            nextSweep = clock + settings.periodNanoseconds
        }
        if let slot = flows.slot(of: key, hash: arrival.hash) {
            if !flows[slot].isReopened(by: packet) {
                flows.update(slot: slot) { $0.record(packet, sentByLower: sentByLower, time: time) }
                return
            }
            try emit(flows.remove(slot: slot))
        }
        if flows.count >= settings.capacity { try makeRoom(emit: emit) }
        var flow = Flow(key: key, sentByLower: sentByLower, time: time, packetNumber: arrival.number)
        flow.record(packet, sentByLower: sentByLower, time: time)
        flows.insert(flow, hash: arrival.hash)
    }

    /// Ends every flow still open (the end of the capture), oldest first.
    mutating func finish(emit: (Flow) throws -> Void) rethrows {
        let remaining = flows.removeAll().sorted { $0.firstPacket < $1.firstPacket }
        for flow in remaining { try emit(flow) }
    }

    /// Ends the flows that timed out or closed.
    private mutating func sweep(emit: (Flow) throws -> Void) rethrows {
        let deadline = clock - settings.timeoutNanoseconds
        try end(where: { $0.isClosed || $0.lastTime <= deadline }, emit: emit)
    }

    private mutating func makeRoom(emit: (Flow) throws -> Void) rethrows {
        try sweep(emit: emit)
        guard flows.count >= settings.capacity else { return }
        let share = max(1, settings.capacity / 16)
        let lastTimes = flows.values.map(\.lastTime).sorted()
        let cutoff = lastTimes[min(share, lastTimes.count) - 1]
        let before = flows.count
        try end(where: { $0.lastTime <= cutoff }, emit: emit)
        evicted += before - flows.count
    }

    private mutating func end(where isOver: (Flow) -> Bool, emit: (Flow) throws -> Void) rethrows {
        let ended = flows.values.filter(isOver).sorted { $0.firstPacket < $1.firstPacket }
        for flow in ended {
            if let slot = flows.slot(of: flow.key) { _ = flows.remove(slot: slot) }
            try emit(flow)
        }
    }
}
