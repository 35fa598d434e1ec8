import Detection
import Foundation
import TriageModel

/// The last `count` buckets of `width` seconds of a host's timeline, up to its newest bucket with
/// flows, filled as a read finds the flows, newest records first: the newest bucket so far, the
/// earliest time a flow can still fall in the window (`lowerBound`), and the window's buckets.
struct TimelineWindow {
    let width: Double
    let count: Int
    /// The newest bucket with flows found so far: its start over `width`.
    private(set) var newest: Int64?
    private var points: [Int64: TimelinePoint] = [:]

    init(width: Double, last count: Int) {
        self.width = width
        self.count = count
    }

    /// The oldest bucket of the window ending at `newest` (`Int64.min` for a window longer than time).
    private var oldest: Int64? {
        newest.map { newest in
            let (oldest, overflow) = newest.subtractingReportingOverflow(Int64(max(1, count)) - 1)
            return overflow ? .min : oldest
        }
    }

    /// The earliest time a flow of the window starts at: a flow before it is in none of its
    /// buckets and makes none newer. Minus infinity until a flow was found.
    var lowerBound: Double { oldest.map { Double($0) * width } ?? -.infinity }

    /// The bucket `time` falls in, rounded down also below zero.
    private func bucket(of time: Double) -> Int64 { Int64((time / width).rounded(.down)) }

    /// Makes the bucket of `time` the newest when it is newer: a flow counted elsewhere is there.
    mutating func reach(_ time: Double) {
        let slot = bucket(of: time)
        if newest.map({ slot > $0 }) ?? true { newest = slot }
    }

    /// Counts `flows` flows that started at `time`; their bytes sent count as bytes out when they
    /// are external. `summarized` of them are counted from summaries of pruned flows.
    mutating func add(at time: Double, flows: Int = 1, isExternal: Bool, bytesSent: Int64, summarized: Int = 0) {
        reach(time)
        let slot = bucket(of: time)
        guard let oldest, slot >= oldest else { return }
        var point = points[slot] ?? TimelinePoint(start: Date(storeSeconds: Double(slot) * width), flows: 0, bytesOut: 0,
                                                  externalFlows: 0)
        point.flows += flows
        point.summarizedFlows += summarized
        if isExternal {
            point.externalFlows += flows
            point.bytesOut = point.bytesOut.saturatingAdding(bytesSent)
        }
        points[slot] = point
    }

    /// The window's buckets with flows, oldest first.
    var recentPoints: [TimelinePoint] {
        guard let oldest else { return [] }
        return points.filter { $0.key >= oldest }.sorted { $0.key < $1.key }.map(\.value)
    }
}
