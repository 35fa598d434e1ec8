import Foundation

/// What a store holds and its size on disk (`smbtriage store`).
public struct StoreStatistics: Hashable, Sendable {
    public var flows: Int
    /// Daily summaries of pruned flows (per host, destination and day).
    public var flowSummaries: Int
    /// How many pruned flows those summaries stand for.
    public var summarizedFlows: Int
    public var openAlerts: Int
    public var acknowledgedAlerts: Int
    public var closedAlerts: Int
    public var hosts: Int
    public var exceptions: Int
    /// Notes on alerts and on cases.
    public var notes: Int
    public var auditEntries: Int
    /// The time of the oldest and newest stored flow; nil when none is stored.
    public var oldestFlow: Date?
    public var newestFlow: Date?
    /// Bytes of the database file and of its write-ahead log.
    public var databaseBytes: Int64
    public var walBytes: Int64
    public var policy: RetentionPolicy
    /// True when a prune gives freed pages back to the file system.
    public var vacuumsIncrementally: Bool
}
