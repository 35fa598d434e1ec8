import Detection
import Foundation

/// One destination a host talked SMB to, as the host screen lists it.
public struct DestinationSummary: Hashable, Sendable {
    public var address: IPAddress
    /// Distinct destination ports seen (139, 445, …).
    public var ports: [Int]
    public var connections: Int
    public var bytesSent: Int64
    public var bytesReceived: Int64
    public var firstSeen: Date
    public var lastSeen: Date
    /// True when the rule's exclusions do not cover the address (it is "the Internet").
    public var isExternal: Bool
    /// True when the destination is external and the host first contacted it at least
    /// `HostRanking.newDestinationGrace` (1 h) after its own first activity in the store: the
    /// destinations the hosts ranking counts as new (`NewDestinations` in the store decides it).
    public var isNewForHost: Bool
    public var openAlerts: Int
    public var acknowledgedAlerts: Int
    public var closedAlerts: Int

    public init(address: IPAddress, ports: [Int], connections: Int, bytesSent: Int64, bytesReceived: Int64,
                firstSeen: Date, lastSeen: Date, isExternal: Bool, isNewForHost: Bool,
                openAlerts: Int, acknowledgedAlerts: Int, closedAlerts: Int) {
        self.address = address
        self.ports = ports
        self.connections = connections
        self.bytesSent = bytesSent
        self.bytesReceived = bytesReceived
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.isExternal = isExternal
        self.isNewForHost = isNewForHost
        self.openAlerts = openAlerts
        self.acknowledgedAlerts = acknowledgedAlerts
        self.closedAlerts = closedAlerts
    }
}
