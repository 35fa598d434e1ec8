import Detection
import Foundation
import GRDB
import TriageModel

extension SMBStore {
    /// The host's buckets with flows among the last `count` bucket widths up to its newest bucket
    /// with flows, and its whole history's totals. A flow is a connection, counted once however
    /// many sensors reported it, in the bucket of its start, external when any of its records is,
    /// with its largest byte count; `bytesOut` and `externalFlows` count external flows only;
    /// `summarizedFlows` counts the flows of a bucket only summaries of pruned flows still show.
    /// The totals and the daily buckets come from `host_flow_day` (one row a day, every flow ever
    /// kept, pruned ones too); the hourly buckets from the host's stored connections and the
    /// summaries of its pruned flows in the window (`recentTimeline`).
    public func timeline(of host: IPAddress, bucket: TimelineBucket, last count: Int) throws -> HostTimeline {
        try read { db in
            let days = try Self.dailyTimeline(db, host: host)
            let totals = try Self.totals(db, host: host, days: days)
            switch bucket {
            case .day:
                return HostTimeline(points: HostTimeline.last(count, of: days, bucket: .day), totals: totals)
            case .hour:
                let points = count > 0 ? try Self.recentTimeline(db, host: host, width: bucket.seconds, last: count) : []
                return HostTimeline(points: points, totals: totals)
            }
        }
    }

    /// The whole history's totals: the sums of its days, but every pruned flow its summaries hold
    /// (at most all its flows). A summary is filed under the day of its first record's time, which
    /// can follow the day its flow started, so the days' own pruned counts, each held at its day's
    /// flows, can fall short of the whole.
    static func totals(_ db: Database, host: IPAddress, days: [TimelinePoint]) throws -> TimelineTotals {
        var totals = TimelineTotals(summing: days)
        let summarized = try Int.fetchOne(db, sql: "SELECT coalesce(SUM(flows), 0) FROM flow_summary WHERE host = ?",
                                          arguments: [host.storeBlob]) ?? 0
        totals.summarizedFlows = min(summarized, totals.flows)
        return totals
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

    /// The buckets of `width` seconds with flows among the last `count` up to the host's newest,
    /// oldest first: its stored connections (a lone record is one, schema v21, its start and bytes
    /// decoded from its row) and the summaries of its pruned flows (at the time of a summary's
    /// first flow). The host's records are read newest first through `event_source_time`, down to
    /// the earliest time a flow of the window starts at, which the newest flows found so far set
    /// (`TimelineWindow`): a read costs the records of the buckets shown, not the host's history.
    ///
    /// That holds because no flow starts after its records' times: a connection's start is the
    /// earliest of its records' spans, and a record's span starts at the latest at its time
    /// (`seen_at`; a report or a timed-out flow is stamped after its start). A record can claim a
    /// start after its time (its fields are the log's), so a flow's bucket is that of its start,
    /// but no later than its newest record's time: such a record is counted at its time, where the
    /// history's list shows it, and can neither hide from the window nor move the chart's newest
    /// bucket past every record's time.
    static func recentTimeline(_ db: Database, host: IPAddress, width: Double, last count: Int) throws -> [TimelinePoint] {
        var window = TimelineWindow(width: width, last: count)
        // A summary's day is the UTC day of its first flow's time (`FlowSummaries`): the newest
        // summary is among those of the newest day, and a window's among those from its first day.
        if let newestSummary = try Double.fetchOne(db, sql: """
            SELECT first_seen FROM flow_summary WHERE host = ? AND flows > 0 ORDER BY day DESC, first_seen DESC LIMIT 1
            """, arguments: [host.storeBlob]) {
            window.reach(newestSummary)
        }
        var records = try RawStatement(db, sql: """
            SELECT e.seen_at, e.connection_id, c.first_seen, c.is_external, c.bytes_sent,
                   CASE WHEN e.connection_id IS NULL THEN e.is_external END,
                   CASE WHEN e.connection_id IS NULL THEN e.fields END
            FROM event e INDEXED BY event_source_time LEFT JOIN connection c ON c.id = e.connection_id
            WHERE e.source_ip = ?
            ORDER BY e.seen_at DESC
            """)
        records.bind(host)
        var counted = Set<Int64>()
        while try records.step() {
            let seenAt = records.double(0) ?? 0
            guard seenAt >= window.lowerBound else {
                records.reset()
                break
            }
            if let connection = records.int64(1) {
                // Met first at its newest record; a record whose row is missing counts nowhere.
                guard let firstSeen = records.double(2), counted.insert(connection).inserted else { continue }
                window.add(at: min(firstSeen, seenAt), isExternal: records.int64(3) == 1, bytesSent: records.int64(4) ?? 0)
            } else {
                var event = NetworkEvent()
                EventFields.decode(records.blob(6) ?? Data(), seenAt: seenAt, into: &event,
                                   plainFields: EventFields.spanAndBytesSentFields)
                let start = ConnectionSpan(of: event, seenAt: Date(storeSeconds: seenAt)).start.storeSeconds
                window.add(at: min(start, seenAt), isExternal: records.int64(5) == 1,
                           bytesSent: max(0, event.sourceBytes ?? 0))
            }
        }
        guard window.newest != nil else { return [] }
        for row in try Row.fetchAll(db, sql: """
            SELECT first_seen, flows, is_external, bytes_sent FROM flow_summary
            WHERE host = ? AND day >= ? AND first_seen >= ? AND flows > 0
            """, arguments: [host.storeBlob, (window.lowerBound / TimelineBucket.day.seconds).rounded(.down), window.lowerBound]) {
            let flows: Int = row[1]
            window.add(at: row[0], flows: flows, isExternal: row[2], bytesSent: row[3], summarized: flows)
        }
        return window.recentPoints
    }
}
