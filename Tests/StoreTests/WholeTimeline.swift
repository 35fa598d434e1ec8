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

/// The reference the windowed read is checked against: every bucket of `width` seconds of a host's
/// history, grouped from all its stored connections and summaries at once (as the store read the
/// hourly timeline before it read only a window): its connections in SQL (each at its start, but
/// no later than its newest record's time), its lone records decoded one by one, the summaries of
/// pruned flows at their first flow's time.
enum WholeTimeline {
    static func scan(_ db: Database, host: IPAddress, width: Double) throws -> [TimelinePoint] {
        func slot(_ column: String) -> String { HostFlowDaySQL.bucket(column, width: "?1") }
        var points: [Int64: TimelinePoint] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT slot, SUM(flows), \(SaturatingSQL.total("CASE WHEN is_external THEN bytes END")),
                   SUM(is_external * flows), SUM(summarized)
            FROM (SELECT \(slot("min(c.first_seen, r.newest)")) AS slot, 1 AS flows, c.is_external, c.bytes_sent AS bytes,
                         0 AS summarized
                  FROM connection c
                  JOIN (SELECT connection_id AS id, max(seen_at) AS newest FROM event
                        WHERE source_ip = ?2 AND connection_id IS NOT NULL GROUP BY connection_id) r ON r.id = c.id
                  UNION ALL
                  SELECT \(slot("first_seen")), flows, is_external, bytes_sent, flows
                  FROM flow_summary WHERE host = ?2 AND flows > 0)
            GROUP BY slot
            """, arguments: [width, host.storeBlob]) {
            let slot: Int64 = row[0]
            points[slot] = TimelinePoint(start: Date(storeSeconds: Double(slot) * width), flows: row[1],
                                         bytesOut: row[2], externalFlows: row[3], summarizedFlows: row[4])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT seen_at, is_external, fields FROM event WHERE source_ip = ? AND connection_id IS NULL
            """, arguments: [host.storeBlob]) {
            let seenAt: Double = row[0]
            var event = NetworkEvent()
            EventFields.decode(row[2], seenAt: seenAt, into: &event)
            let start = min(ConnectionSpan(of: event, seenAt: Date(storeSeconds: seenAt)).start.storeSeconds, seenAt)
            let slot = Int64((start / width).rounded(.down))
            var point = points[slot] ?? TimelinePoint(start: Date(storeSeconds: Double(slot) * width), flows: 0,
                                                      bytesOut: 0, externalFlows: 0)
            point.flows += 1
            if row[1] as Bool {
                point.externalFlows += 1
                point.bytesOut = point.bytesOut.saturatingAdding(max(0, event.sourceBytes ?? 0))
            }
            points[slot] = point
        }
        return points.keys.sorted().compactMap { points[$0] }
    }
}
