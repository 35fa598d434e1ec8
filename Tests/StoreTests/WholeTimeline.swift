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
        func count(_ slot: Int64, flows: Int, isExternal: Bool, bytesSent: Int64) {
            add(TimelinePoint(start: .distantPast, flows: flows, bytesOut: isExternal ? bytesSent : 0,
                              externalFlows: isExternal ? flows : 0), at: slot, width: width, to: &points)
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT first_seen, is_external, bytes_sent FROM connection WHERE host = ?
            """, arguments: [host.storeBlob]) {
            count(width.index(of: row[0]), flows: 1, isExternal: row[1], bytesSent: row[2])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT seen_at, is_external, fields FROM event WHERE source_ip = ? AND connection_id IS NULL
            """, arguments: [host.storeBlob]) {
            let seenAt: Double = row[0]
            var event = NetworkEvent()
            EventFields.decode(row[2], seenAt: seenAt, into: &event)
            let start = ConnectionSpan(of: event, seenAt: Date(storeSeconds: seenAt)).start.storeSeconds
            count(width.index(of: start), flows: 1, isExternal: row[1], bytesSent: max(0, event.sourceBytes ?? 0))
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
        for (slot, point) in flows { add(point, at: min(slot, newest), width: width, to: &points) }
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

    /// The host's pruned flows per bucket of `width` as its summaries hold them (keyed as `flows`),
    /// each summary's at the bucket of its first record's time: where the v23 migration files them.
    static func summaries(_ db: Database, host: IPAddress, width: TimelineBucket) throws -> [Int64: TimelinePoint] {
        var points: [Int64: TimelinePoint] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT first_seen, flows, is_external, bytes_sent FROM flow_summary WHERE host = ? AND flows > 0
            """, arguments: [host.storeBlob]) {
            let flows: Int = row[1], isExternal: Bool = row[2]
            add(TimelinePoint(start: .distantPast, flows: flows, bytesOut: isExternal ? row[3] : 0,
                              externalFlows: isExternal ? flows : 0), at: width.index(of: row[0]), width: width, to: &points)
        }
        return points
    }

    /// `hours` (keyed as `rows` keys them) added up per UTC day, keyed as the day's rows.
    static func days(of hours: [Int64: TimelinePoint]) -> [Int64: TimelinePoint] {
        var days: [Int64: TimelinePoint] = [:]
        for (hour, point) in hours {
            add(point, at: TimelineBucket.day.index(of: Double(hour) * TimelineBucket.hour.seconds), width: .day, to: &days)
        }
        return days
    }

    /// Adds `point`'s flows, external flows and bytes out to the bucket `slot` of `width` in `points`.
    private static func add(_ point: TimelinePoint, at slot: Int64, width: TimelineBucket,
                            to points: inout [Int64: TimelinePoint]) {
        var sum = points[slot] ?? TimelinePoint(start: Date(storeSeconds: Double(slot) * width.seconds), flows: 0,
                                                bytesOut: 0, externalFlows: 0)
        sum.flows += point.flows
        sum.externalFlows += point.externalFlows
        sum.bytesOut = sum.bytesOut.saturatingAdding(point.bytesOut)
        points[slot] = sum
    }
}
