import Store

/// A daily summary of pruned flows in `history --json`, in the place of the flows it stands for.
public struct FlowSummaryDocument: Encodable, Sendable {
    var timestamp: String
    var isSummary = true
    var flows: Int
    var firstSeen, lastSeen: String
    var sourceIP, destinationIP: Nullable<String>
    var ports: [Int]
    var bytesSent, bytesReceived: Int64
    var isFirstSeenDestination: Bool

    public init(_ summary: FlowSummary) {
        timestamp = JSONLines.date(summary.day)
        flows = summary.flows
        firstSeen = JSONLines.date(summary.firstSeen)
        lastSeen = JSONLines.date(summary.lastSeen)
        sourceIP = Nullable(summary.host.map { "\($0)" })
        destinationIP = Nullable(summary.destination.map { "\($0)" })
        ports = summary.ports
        bytesSent = summary.bytesSent
        bytesReceived = summary.bytesReceived
        isFirstSeenDestination = summary.isFirstSeenDestination
    }

    enum CodingKeys: String, CodingKey {
        case timestamp = "@timestamp", isSummary = "smbtriage.summary", flows = "smbtriage.summary.flows"
        case firstSeen = "smbtriage.summary.first_seen", lastSeen = "smbtriage.summary.last_seen"
        case sourceIP = "source.ip", destinationIP = "destination.ip", ports = "destination.port"
        case bytesSent = "source.bytes", bytesReceived = "destination.bytes"
        case isFirstSeenDestination = "smbtriage.first_seen_destination"
    }
}
