import Detection
import Foundation
import GRDB
import TriageModel

extension SMBStore {
    /// Every bucket of the host's history that has flows, oldest first. A flow is a connection,
    /// counted once however many sensors reported it, in the bucket of its start, external when
    /// any of its records is, with its largest byte count; `bytesOut` and `externalFlows` count
    /// external flows only. The daily timeline reads `host_flow_day` (one row a day, every flow
    /// ever kept, pruned ones too); the hourly one groups the host's stored connections and adds
    /// the daily summaries of pruned flows at the hour of a summary's first flow.
    /// `summarizedFlows` counts the flows of a bucket only summaries still show.
    public func timeline(of host: IPAddress, bucket: TimelineBucket) throws -> [TimelinePoint] {
        try read { db in
            switch bucket {
            case .day: try Self.dailyTimeline(db, host: host)
            case .hour: try Self.scannedTimeline(db, host: host, width: bucket.seconds)
            }
        }
    }

    /// The daily timeline from `host_flow_day`, with the flows `flow_summary` holds of each day.
    static func dailyTimeline(_ db: Database, host: IPAddress) throws -> [TimelinePoint] {
        try Row.fetchAll(db, sql: """
            SELECT day, SUM(flows), \(SaturatingSQL.total("bytes")), SUM(external_flows), min(SUM(summarized), SUM(flows))
            FROM (SELECT day, flows, bytes_out AS bytes, external_flows, 0 AS summarized
                  FROM host_flow_day WHERE host = ?1
                  UNION ALL
                  SELECT day, 0, 0, 0, flows FROM flow_summary WHERE host = ?1)
            GROUP BY day
            HAVING SUM(flows) > 0
            ORDER BY day
            """, arguments: [host.storeBlob]).map { row in
            let day: Int64 = row[0]
            return TimelinePoint(start: Date(storeSeconds: Double(day) * TimelineBucket.day.seconds), flows: row[1],
                                 bytesOut: row[2], externalFlows: row[3], summarizedFlows: row[4])
        }
    }

    /// The timeline in buckets of `width` seconds, grouped from the host's stored connections
    /// (found through `event_source_time`), its lone records (a connection each, schema v21) and
    /// the summaries of pruned flows as they are read.
    static func scannedTimeline(_ db: Database, host: IPAddress, width: Double) throws -> [TimelinePoint] {
        func slot(_ column: String) -> String { HostFlowDaySQL.bucket(column, width: "?1") }
        var points: [Int64: TimelinePoint] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT slot, SUM(flows), \(SaturatingSQL.total("CASE WHEN is_external THEN bytes END")),
                   SUM(is_external * flows), SUM(summarized)
            FROM (SELECT \(slot("c.first_seen")) AS slot, 1 AS flows, c.is_external, c.bytes_sent AS bytes, 0 AS summarized
                  FROM connection c
                  WHERE c.id IN (SELECT connection_id FROM event WHERE source_ip = ?2 AND connection_id IS NOT NULL)
                  UNION ALL
                  SELECT \(slot("first_seen")), flows, is_external, bytes_sent, flows
                  FROM flow_summary WHERE host = ?2 AND flows > 0)
            GROUP BY slot
            """, arguments: [width, host.storeBlob]) {
            let slot: Int64 = row[0]
            points[slot] = TimelinePoint(start: Date(storeSeconds: Double(slot) * width), flows: row[1],
                                         bytesOut: row[2], externalFlows: row[3], summarizedFlows: row[4])
        }
        var lone = try RawStatement(db, sql: """
            SELECT seen_at, is_external, fields FROM event WHERE source_ip = ? AND connection_id IS NULL
            """)
        lone.bind(host)
        while try lone.step() {
            let seenAt = lone.double(0) ?? 0
            var event = NetworkEvent()
            EventFields.decode(lone.blob(2) ?? Data(), seenAt: seenAt, into: &event,
                               plainFields: EventFields.spanAndBytesSentFields)
            let start = ConnectionSpan(of: event, seenAt: Date(storeSeconds: seenAt)).start
            let slot = Int64((start.storeSeconds / width).rounded(.down))
            var point = points[slot] ?? TimelinePoint(start: Date(storeSeconds: Double(slot) * width), flows: 0,
                                                      bytesOut: 0, externalFlows: 0)
            point.flows += 1
            if lone.int64(1) == 1 {
                point.externalFlows += 1
                point.bytesOut = point.bytesOut.saturatingAdding(max(0, event.sourceBytes ?? 0))
            }
            points[slot] = point
        }
        return points.keys.sorted().compactMap { points[$0] }
    }
}
