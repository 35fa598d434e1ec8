/// A `FlowTable` fed two packets behind the capture, so that the memory each packet's flow lives in
/// is on its way to the cache before the packet is counted: a packet's bucket in the table's index
/// is prefetched when it arrives, its flow one packet later (the bucket is in by then), and it is
/// counted one packet after that. Reading the capture and decoding the next packets hide the wait.
///
/// The flows, their counts and the order they end in are those of adding each packet at once
/// (`FlowPipelineTests`): the prefetches are hints, and every packet is still counted in capture order.
struct FlowPipeline {
    private(set) var table: FlowTable
    /// The packets read but not yet counted, the older first.
    private var older: FlowTable.Arrival?
    private var newer: FlowTable.Arrival?

    init(table: FlowTable) {
        self.table = table
    }

    /// Takes `packet` in (time in nanoseconds, number 1-based) and counts the packet two before it;
    /// calls `emit` with the flows that end, oldest first.
    mutating func add(_ packet: DecodedPacket, time: Int64, number: Int, emit: (Flow) throws -> Void) rethrows {
        let arrival = table.arrival(of: packet, time: time, number: number)
        if let older { try table.add(older, emit: emit) }
        if let newer { table.prefetchFlow(of: newer) }
        older = newer
        newer = arrival
    }

    /// Counts the packets still waiting (before a rejected packet is reported, and at the end).
    mutating func drain(emit: (Flow) throws -> Void) rethrows {
        if let older { try table.add(older, emit: emit) }
        if let newer { try table.add(newer, emit: emit) }
        older = nil
        newer = nil
    }

    /// Counts the packets still waiting, then ends every flow still open (the end of the capture).
    mutating func finish(emit: (Flow) throws -> Void) rethrows {
        try drain(emit: emit)
        try table.finish(emit: emit)
    }
}
