import Foundation

/// When one sensor saw a connection: from its first to its last packet as that sensor reported
/// them. Records of one Community ID are one connection when their spans overlap or start within
/// `tolerance` of each other (sensor clocks and report times differ by seconds; a reused 5-tuple
/// minutes later is another connection).
public struct ConnectionSpan: Hashable, Sendable {
    /// How far apart two starts may be for records whose spans do not overlap to be one connection.
    public static let tolerance: TimeInterval = 60

    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = max(start, end)
    }

    /// The span a record reports: `event.start`…`event.end` (or start + duration), else the
    /// single instant `seenAt` (the record's time as stored).
    public init(of event: NetworkEvent, seenAt: Date) {
        let start = event.start ?? seenAt
        let duration = event.durationNanoseconds.map { Double($0) / 1e9 }
        self.init(start: start, end: event.end ?? duration.map(start.addingTimeInterval) ?? start)
    }

    /// True when `other` is this connection seen by another sensor (or reported again).
    public func isSameConnection(as other: ConnectionSpan, tolerance: TimeInterval = Self.tolerance) -> Bool {
        let overlaps = start <= other.end && other.start <= end
        return overlaps || abs(start.timeIntervalSince(other.start)) <= tolerance
    }

    /// The span covering both.
    public func union(_ other: ConnectionSpan) -> ConnectionSpan {
        ConnectionSpan(start: min(start, other.start), end: max(end, other.end))
    }
}
