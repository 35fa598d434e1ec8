import Detection
import Foundation

/// One row of `connection`: a connection as every sensor that reported it saw it together. Its
/// bytes and packets are the largest any record reported (sensors see the same traffic; a sum
/// would count it once per sensor).
struct ConnectionRow: Equatable {
    var id: Int64 = 0
    var host: IPAddress?
    var span: ConnectionSpan
    var bytesSent: Int64
    var bytesReceived: Int64
    var packetsSent: Int64
    var packetsReceived: Int64
    /// `NetworkEvent.sensorName` of each record, sorted and distinct.
    var sensors: [String]
    /// Some record of it went to an external destination (outside the rule's excluded ranges).
    var isExternal = false

    /// True when `record` (from `host`) is this connection seen again.
    func includes(_ record: ConnectionRow) -> Bool {
        record.host == host && span.isSameConnection(as: record.span)
    }

    /// This connection with `record` folded in: the wider span, the larger counts, one more sensor.
    func merging(_ record: ConnectionRow) -> ConnectionRow {
        var merged = self
        merged.span = span.union(record.span)
        merged.bytesSent = max(bytesSent, record.bytesSent)
        merged.bytesReceived = max(bytesReceived, record.bytesReceived)
        merged.packetsSent = max(packetsSent, record.packetsSent)
        merged.packetsReceived = max(packetsReceived, record.packetsReceived)
        merged.sensors = Array(Set(sensors + record.sensors)).sorted()
        merged.isExternal = isExternal || record.isExternal
        return merged
    }
}

extension ConnectionRow {
    /// The connection a single record describes, to an external destination when `isExternal`.
    init(_ event: NetworkEvent, span: ConnectionSpan, isExternal: Bool = false) {
        host = event.sourceIPs.first
        self.span = span
        bytesSent = max(0, event.sourceBytes ?? 0)
        bytesReceived = max(0, event.destinationBytes ?? 0)
        packetsSent = max(0, event.sourcePackets ?? 0)
        packetsReceived = max(0, event.destinationPackets ?? 0)
        sensors = [event.sensorName]
        self.isExternal = isExternal
    }
}
