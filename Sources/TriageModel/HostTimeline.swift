import Detection
import Foundation

/// A host's activity timeline as the history chart draws it: the buckets of its most recent
/// stretch, and the totals of its whole history, so a read costs the buckets shown.
public struct HostTimeline: Hashable, Sendable {
    /// The buckets with flows among the last ones asked for, the newest being the host's newest
    /// bucket with flows, oldest first.
    public var points: [TimelinePoint]
    /// Every flow of the host's history, pruned ones too, however few buckets `points` holds.
    public var totals: TimelineTotals

    /// No flows at all.
    public static let empty = HostTimeline(points: [], totals: TimelineTotals(summing: []))

    public init(points: [TimelinePoint], totals: TimelineTotals) {
        self.points = points
        self.totals = totals
    }

    /// The last `count` buckets of a whole timeline (`points`: every bucket with flows, oldest
    /// first), up to its newest, with the totals of all of them.
    public init(whole points: [TimelinePoint], bucket: TimelineBucket, last count: Int) {
        self.init(points: Self.last(count, of: points, bucket: bucket), totals: TimelineTotals(summing: points))
    }

    /// The buckets of `points` (every bucket with flows, oldest first) among the last `count`
    /// bucket widths up to the newest.
    public static func last(_ count: Int, of points: [TimelinePoint], bucket: TimelineBucket) -> [TimelinePoint] {
        guard let newest = points.last else { return [] }
        return points.filter { newest.start.timeIntervalSince($0.start) < Double(count) * bucket.seconds }
    }
}

/// The flows of some buckets of a host's timeline, in the fields of `TimelinePoint`.
public struct TimelineTotals: Hashable, Sendable {
    /// Stored flows and pruned ones alike.
    public var flows: Int
    public var bytesOut: Int64
    public var externalFlows: Int
    /// How many of `flows` were pruned and are counted from their daily summaries.
    public var summarizedFlows: Int

    /// The totals of `points` (bytes held at `Int64.max`, see `Int64.saturatingAdding`).
    public init(summing points: [TimelinePoint]) {
        flows = points.reduce(0) { $0 + $1.flows }
        bytesOut = points.saturatingSum(of: \.bytesOut)
        externalFlows = points.reduce(0) { $0 + $1.externalFlows }
        summarizedFlows = points.reduce(0) { $0 + $1.summarizedFlows }
    }
}
