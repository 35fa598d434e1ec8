/// How `FlowTable` ends a capture's flows, and its bound.
public struct FlowSettings: Sendable, Equatable {
    /// A flow with no packet for this long is over: Packetbeat's `flows.timeout` default, 30 s.
    public var timeoutNanoseconds: Int64
    /// How often (in capture time) the table looks for flows that are over: Packetbeat's
    /// `flows.period` default, 10 s.
    public var periodNanoseconds: Int64
    /// The most flows held at once (each about 100 bytes, plus the hash table's share).
    public var capacity: Int

    public init(timeoutNanoseconds: Int64 = 30_000_000_000, periodNanoseconds: Int64 = 10_000_000_000,
                capacity: Int = 65_536) {
        self.timeoutNanoseconds = timeoutNanoseconds
        self.periodNanoseconds = periodNanoseconds
        self.capacity = max(1, capacity)
    }
}
