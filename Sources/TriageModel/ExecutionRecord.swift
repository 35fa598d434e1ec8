import Foundation

/// The log of one detector execution (RULE.md "Execution semantics").
public struct ExecutionRecord: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var ranAt: Date
    /// The look-back window on ingest time: [ranAt − 9m, ranAt].
    public var windowStart: Date
    public var windowEnd: Date
    /// Events in the window that matched the query (before exceptions).
    public var matched: Int
    /// Alerts created by this execution (at most the rule's max_signals).
    public var alerted: Int
    /// Matches left for later executions because the cap was reached.
    public var pending: Int
    /// Matches suppressed by exceptions, per exception item id.
    public var suppressedBy: [String: Int]
    /// True when the execution created max_signals alerts and left the rest pending.
    public var capReached: Bool

    public init(id: Int64, ranAt: Date, windowStart: Date, windowEnd: Date, matched: Int, alerted: Int,
                pending: Int, suppressedBy: [String: Int], capReached: Bool) {
        self.id = id
        self.ranAt = ranAt
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.matched = matched
        self.alerted = alerted
        self.pending = pending
        self.suppressedBy = suppressedBy
        self.capReached = capReached
    }
}
