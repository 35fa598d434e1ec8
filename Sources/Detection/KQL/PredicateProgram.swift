/// The form of an `EventPredicate` the detector runs: every node and value is flattened into
/// immutable buffers of plain values (indices, integers, UTF-8 bytes) and one shared address
/// table, so evaluating an event does no reference counting and no allocation.
struct PredicateProgram: Sendable {
    private let storage: PredicateProgramStorage

    init(_ predicate: EventPredicate) {
        var builder = PredicateProgramBuilder()
        let root = builder.append(predicate)
        storage = PredicateProgramStorage(builder, root: root)
    }

    /// True when the event at `event` satisfies the predicate. The hot path takes a pointer so
    /// that events stored in an array are evaluated in place instead of being copied per call.
    @inline(__always)
    func matches(_ event: UnsafePointer<NetworkEvent>) -> Bool {
        storage.matches(node: storage.root, event)
    }

    /// The indices of the events in `events` that satisfy the predicate, ascending: the batch
    /// form of `matches`, evaluated clause by clause over the batch.
    func matchingIndices(in events: UnsafeBufferPointer<NetworkEvent>) -> [Int32] {
        guard let first = events.baseAddress else { return [] }
        precondition(events.count <= Int(Int32.max), "a batch holds at most Int32.max events")
        var selection = (0..<Int32(events.count)).map { $0 }
        storage.select(node: storage.root, in: first, &selection)
        return selection
    }

    /// True when `event` satisfies the predicate.
    func matches(_ event: NetworkEvent) -> Bool {
        withUnsafePointer(to: event) { matches($0) }
    }
}
