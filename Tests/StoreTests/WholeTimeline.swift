import Detection
import Foundation
import GRDB
@testable import Store
import TriageModel

extension SMBStore {
    /// Every bucket of the host's timeline with flows, oldest first, as the store reads it.
    func wholeTimeline(of host: IPAddress, bucket: TimelineBucket) throws -> [TimelinePoint] {
        try timeline(of: host, bucket: bucket, last: .max).points
    }
}

/// The references the timeline tables and reads are checked against, grouped from all a host's
/// stored records at once (as the store read the hourly timeline before it kept `host_flow_hour`).
enum WholeTimeline {
    /// The host's stored flows per bucket of `width` (keyed by the bucket's start over its width),
    /// each at its start: its connections in SQL, its lone records decoded one by one. While nothing
    /// is pruned, the rows the writer keeps in the width's table.
    static func flows(_ db: Database, host: IPAddress, width: TimelineBucket) throws -> [Int64: TimelinePoint] {
        var points: [Int64: TimelinePoint] = [:]
        func add(_ slot: Int64, flows: Int, isExternal: Bool, bytesSent: Int64) {
            var point = points[slot] ?? TimelinePoint(start: Date(storeSeconds: Double(slot) * width.seconds), flows: 0,
                                                      bytesOut: 0, externalFlows: 0)
            point.flows += flows
            if isExternal {
                point.externalFlows += flows
                point.bytesOut = point.bytesOut.saturatingAdding(bytesSent)
            }
            points[slot] = point
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT first_seen, is_external, bytes_sent FROM connection WHERE host = ?
            """, arguments: [host.storeBlob]) {
            add(width.index(of: row[0]), flows: 1, isExternal: row[1], bytesSent: row[2])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT seen_at, is_external, fields FROM event WHERE source_ip = ? AND connection_id IS NULL
            """, arguments: [host.storeBlob]) {
            let seenAt: Double = row[0]
            var event = NetworkEvent()
            EventFields.decode(row[2], seenAt: seenAt, into: &event)
            let start = ConnectionSpan(of: event, seenAt: Date(storeSeconds: seenAt)).start.storeSeconds
            add(width.index(of: start), flows: 1, isExternal: row[1], bytesSent: max(0, event.sourceBytes ?? 0))
        }
        return points
    }

    /// The host's rows of the width's table, keyed as `flows`.
    static func rows(_ db: Database, host: IPAddress, width: TimelineBucket) throws -> [Int64: TimelinePoint] {
        var points: [Int64: TimelinePoint] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT \(width.column), flows, bytes_out, external_flows FROM \(width.table) WHERE host = ?
            """, arguments: [host.storeBlob]) {
            let slot: Int64 = row[0]
            points[slot] = TimelinePoint(start: Date(storeSeconds: Double(slot) * width.seconds), flows: row[1],
                                         bytesOut: row[2], externalFlows: row[3])
        }
        return points
    }

    /// The whole chart of `flows` (the host's flows, pruned ones too, keyed as `flows` makes them),
    /// oldest first: each bucket no later than that of the host's last activity (a later one counts
    /// there), with the pruned flows its summaries hold, each summary at its first record's time (at
    /// most the bucket's flows).
    static func chart(_ db: Database, host: IPAddress, width: TimelineBucket,
                      flows: [Int64: TimelinePoint]) throws -> [TimelinePoint] {
        let lastSeen = try Double.fetchOne(db, sql: "SELECT last_seen FROM host WHERE address = ?",
                                           arguments: [host.storeBlob])
        let newest = lastSeen.map(width.index(of:)) ?? .max
        var points: [Int64: TimelinePoint] = [:]
        for (slot, point) in flows {
            let shown = min(slot, newest)
            var merged = points[shown] ?? TimelinePoint(start: Date(storeSeconds: Double(shown) * width.seconds), flows: 0,
                                                        bytesOut: 0, externalFlows: 0)
            merged.flows += point.flows
            merged.externalFlows += point.externalFlows
            merged.bytesOut = merged.bytesOut.saturatingAdding(point.bytesOut)
            points[shown] = merged
        }
        for row in try Row.fetchAll(db, sql: "SELECT first_seen, flows FROM flow_summary WHERE host = ?",
                                    arguments: [host.storeBlob]) {
            let shown = min(width.index(of: row[0]), newest)
            points[shown]?.summarizedFlows += row[1]
        }
        return points.keys.sorted().compactMap { slot in
            points[slot].map { point in
                var capped = point
                capped.summarizedFlows = min(point.summarizedFlows, point.flows)
                return capped
            }
        }.filter { $0.flows > 0 }
    }
}
