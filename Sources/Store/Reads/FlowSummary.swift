import Detection
import Foundation

/// The flows one host sent to one destination on one UTC day, kept when a prune removed those
/// flows (`smbtriage history` and the console's history show it as a summary row).
public struct FlowSummary: Hashable, Sendable {
    public var host: IPAddress?
    /// The start of the UTC day.
    public var day: Date
    public var destination: IPAddress?
    /// Sorted and distinct.
    public var ports: [Int]
    public var flows: Int
    public var bytesSent: Int64
    public var bytesReceived: Int64
    public var firstSeen: Date
    public var lastSeen: Date
    public var isExternal: Bool
    /// True when the host's first flow to this destination is among the summarized ones.
    public var isFirstSeenDestination: Bool

    public init(host: IPAddress?, day: Date, destination: IPAddress?, ports: [Int], flows: Int, bytesSent: Int64,
                bytesReceived: Int64, firstSeen: Date, lastSeen: Date, isExternal: Bool, isFirstSeenDestination: Bool) {
        self.host = host
        self.day = day
        self.destination = destination
        self.ports = ports
        self.flows = flows
        self.bytesSent = bytesSent
        self.bytesReceived = bytesReceived
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.isExternal = isExternal
        self.isFirstSeenDestination = isFirstSeenDestination
    }
}
