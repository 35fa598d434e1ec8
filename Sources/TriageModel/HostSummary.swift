import Detection
import Foundation

/// One internal source host (grouped by `source.ip`) as the hosts list shows it.
public struct HostSummary: Hashable, Sendable {
    public var address: IPAddress
    /// A hostname when the data carries one for this address (e.g. Sysmon SourceHostname).
    public var hostName: String?
    public var openAlerts: Int
    public var acknowledgedAlerts: Int
    public var closedAlerts: Int
    /// Distinct destinations outside the rule's excluded ranges.
    public var externalDestinations: Int
    /// Bytes the host sent to external destinations.
    public var bytesOut: Int64
    public var firstSeen: Date
    public var lastSeen: Date
    /// The highest risk score among the host's alerts; nil when it has none.
    public var highestRisk: Int?
    /// What places the host in the hosts list, and the reason in words.
    public var ranking: HostRanking
    /// The host's case; nil for a host that is none (no alerts, nothing triaged).
    public var caseProgress: CaseProgress?

    /// `ranking` defaults to one from the counts given (no unanswered or new destinations, active
    /// at the store's latest time).
    public init(address: IPAddress, hostName: String?, openAlerts: Int, acknowledgedAlerts: Int,
                closedAlerts: Int, externalDestinations: Int, bytesOut: Int64, firstSeen: Date,
                lastSeen: Date, highestRisk: Int?, ranking: HostRanking? = nil, caseProgress: CaseProgress? = nil) {
        self.address = address
        self.hostName = hostName
        self.openAlerts = openAlerts
        self.acknowledgedAlerts = acknowledgedAlerts
        self.closedAlerts = closedAlerts
        self.externalDestinations = externalDestinations
        self.bytesOut = bytesOut
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.highestRisk = highestRisk
        self.ranking = ranking ?? HostRanking(
            openAlerts: openAlerts, acknowledgedAlerts: acknowledgedAlerts, bytesOut: bytesOut, bytesToNewDestinations: 0,
            externalDestinations: externalDestinations, unansweredDestinations: 0, newDestinations: 0, idle: 0)
        self.caseProgress = caseProgress
    }

    /// True when the host needs an analyst: it has open alerts, or its case is open with work left
    /// (acknowledged alerts on a case not resolved, or a case moved on to investigating or escalated).
    /// The store's `HostFilter.needsAttention` condition says the same in SQL.
    public var needsAttention: Bool {
        let state = caseProgress?.state
        return openAlerts > 0 || state == .investigating || state == .escalated
            || (acknowledgedAlerts > 0 && state != .resolved)
    }
}
