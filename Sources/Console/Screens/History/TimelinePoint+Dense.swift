import Foundation
import TriageModel

extension TimelinePoint {
    /// The last `count` buckets up to the newest of `points`, empty buckets included (the store
    /// returns only buckets with flows), so a chart's columns are evenly spaced in time. The
    /// series starts at the oldest of `points`, or earlier with empty buckets so that it spans at
    /// least `minimum` buckets (room for the axis labels under their bars).
    static func dense(_ points: [TimelinePoint], bucket: TimelineBucket, last count: Int,
                      atLeast minimum: Int = 1) -> [TimelinePoint] {
        guard let first = points.first, let last = points.last, count > 0 else { return [] }
        let width = bucket.seconds
        func slot(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / width).rounded()) }
        let bySlot = Dictionary(points.map { (slot($0.start), $0) }, uniquingKeysWith: { $1 })
        let newest = slot(last.start)
        let oldest = max(min(slot(first.start), newest - Int64(max(1, minimum)) + 1), newest - Int64(count) + 1)
        return (oldest...newest).map { index in
            bySlot[index] ?? TimelinePoint(start: Date(timeIntervalSince1970: Double(index) * width), flows: 0, bytesOut: 0,
                                           externalFlows: 0)
        }
    }
}
