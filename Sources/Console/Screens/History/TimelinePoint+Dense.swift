import Foundation
import TriageModel

extension TimelinePoint {
    /// The last `count` buckets up to the newest of `points`, empty buckets included (the store
    /// returns only buckets with flows), so a chart's columns are evenly spaced in time.
    static func dense(_ points: [TimelinePoint], bucket: TimelineBucket, last count: Int) -> [TimelinePoint] {
        guard let first = points.first, let last = points.last, count > 0 else { return [] }
        let width = bucket.seconds
        func slot(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / width).rounded()) }
        let bySlot = Dictionary(points.map { (slot($0.start), $0) }, uniquingKeysWith: { $1 })
        let newest = slot(last.start)
        let oldest = max(slot(first.start), newest - Int64(count) + 1)
        return (oldest...newest).map { index in
            bySlot[index] ?? TimelinePoint(start: Date(timeIntervalSince1970: Double(index) * width), flows: 0, bytesOut: 0,
                                           externalFlows: 0)
        }
    }
}
