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
    /// The buckets come from the host's rows of the width's table (`host_flow_hour`, `host_flow_day`:
    /// one row a bucket, every flow ever kept, pruned ones too) from the window's first bucket on,
    /// the totals from its days (`timelinePoints`).
    public func timeline(of host: IPAddress, bucket: TimelineBucket, last count: Int) throws -> HostTimeline {
        try read { db in
            let lastSeen = try Double.fetchOne(db, sql: "SELECT last_seen FROM host WHERE address = ?",
                                               arguments: [host.storeBlob])
            let days = try Self.timelinePoints(db, host: host, width: .day, lastSeen: lastSeen)
            let totals = try Self.totals(db, host: host, days: days)
            switch bucket {
            case .day:
                return HostTimeline(points: HostTimeline.last(count, of: days, bucket: .day), totals: totals)
            case .hour:
                let points = try Self.timelinePoints(db, host: host, width: .hour, lastSeen: lastSeen, last: count)
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

    /// The host's buckets of `width` with flows among the last `count` up to its newest, oldest
    /// first: its rows of the width's table, with the flows `flow_summary` holds of each bucket (a
    /// summary is filed at its first record's time; at most the bucket's flows).
    ///
    /// A flow's bucket is that of its start, but no later than that of the host's newest record's
    /// time (`host.last_seen`, `lastSeen`): a record can claim a start after its own time (its
    /// fields are the log's: 30 hours on, or in 2100), and the writer files the flow at that start;
    /// read, it counts in the host's newest bucket, so it can neither hide from the window nor move
    /// the chart's newest bucket past every record's time.
    static func timelinePoints(_ db: Database, host: IPAddress, width: TimelineBucket, lastSeen: Double?,
                               last count: Int = .max) throws -> [TimelinePoint] {
        guard count > 0 else { return [] }
        let table = width.table, column = width.column
        let lastBucket = lastSeen.map(width.index(of:)) ?? .max
        guard let newestRow = try Int64.fetchOne(db, sql: """
            SELECT \(column) FROM \(table) WHERE host = ? AND flows > 0 ORDER BY \(column) DESC LIMIT 1
            """, arguments: [host.storeBlob]) else { return [] }
        let (first, overflow) = min(newestRow, lastBucket).subtractingReportingOverflow(Int64(count) - 1)
        let firstBucket = overflow ? Int64.min : first
        let summaryBucket = width.summaryBucket
        return try Row.fetchAll(db, sql: """
            SELECT min(bucket, ?2) AS slot, SUM(flows), \(SaturatingSQL.total("bytes")), SUM(external_flows),
                   min(SUM(summarized), SUM(flows))
            FROM (SELECT \(column) AS bucket, flows, bytes_out AS bytes, external_flows, 0 AS summarized
                  FROM \(table) WHERE host = ?1 AND \(column) >= ?3
                  UNION ALL
                  SELECT \(summaryBucket), 0, 0, 0, flows FROM flow_summary
                  WHERE host = ?1 AND day >= ?4 AND \(summaryBucket) >= ?3 AND flows > 0)
            GROUP BY slot
            HAVING SUM(flows) > 0
            ORDER BY slot
            """, arguments: [host.storeBlob, lastBucket, firstBucket,
                             (Double(firstBucket) * width.seconds / TimelineBucket.day.seconds).rounded(.down)]).map { row in
            let slot: Int64 = row[0]
            return TimelinePoint(start: Date(storeSeconds: Double(slot) * width.seconds), flows: row[1],
                                 bytesOut: row[2], externalFlows: row[3], summarizedFlows: row[4])
        }
    }
}
