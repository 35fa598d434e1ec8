/// The connection an alert's event belongs to: one connection seen by several sensors has one
/// alert per sensor's record (Elastic's semantics), and the same `key` on each.
public struct AlertConnection: Hashable, Sendable {
    /// The store's id of the connection; nil for a record no other sensor reported (a connection
    /// of its own, which has no id of its own).
    public var key: Int64?
    /// The sensors that reported the connection (`NetworkEvent.sensorName`), sorted.
    public var sensors: [String]

    public init(key: Int64?, sensors: [String]) {
        self.key = key
        self.sensors = sensors
    }
}
