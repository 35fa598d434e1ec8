import Detection
import Foundation
import GRDB
import TriageModel

extension SMBStore {
    /// Flows per bucket of the host's last `buckets` buckets up to its last activity, oldest
    /// first (the hosts list's sparkline). Daily buckets are the host's `host_flow_day` rows
    /// (a dozen rows; a flow counts on the day it started, as in the daily timeline, pruned flows
    /// too); hourly ones count the distinct connections of the host's records in each hour.
    public func hostActivity(_ host: IPAddress, bucket: TimelineBucket, buckets: Int) throws -> [Int] {
        guard buckets > 0 else { return [] }
        return try read { db in
            guard let lastSeen = try Double.fetchOne(db, sql: "SELECT last_seen FROM host WHERE address = ?",
                                                     arguments: [host.storeBlob]) else {
                return Array(repeating: 0, count: buckets)
            }
            let firstBucket = (lastSeen / bucket.seconds).rounded(.down) - Double(buckets - 1)
            return switch bucket {
            case .day: try Self.dailyActivity(db, host: host, firstDay: Int64(firstBucket), days: buckets)
            case .hour: try Self.scannedActivity(db, host: host, start: firstBucket * bucket.seconds,
                                                 width: bucket.seconds, buckets: buckets)
            }
        }
    }

    /// The flows of each of `days` days from `firstDay` (UTC days of store seconds), from `host_flow_day`.
    private static func dailyActivity(_ db: Database, host: IPAddress, firstDay: Int64, days: Int) throws -> [Int] {
        var counts = Array(repeating: 0, count: days)
        for row in try Row.fetchAll(db, sql: """
            SELECT day - ?2, flows FROM host_flow_day WHERE host = ?1 AND day >= ?2 AND day < ?2 + ?3
            """, arguments: [host.storeBlob, firstDay, days]) {
            counts[row[0] as Int] = row[1]
        }
        return counts
    }

    /// Distinct connections per bucket of `width` seconds from `start`: the host's records come
    /// from `event_source_time` alone (it carries each record's connection, and its id: a lone
    /// record is a connection of its own) in time order, so the buckets fill one after the other.
    private static func scannedActivity(_ db: Database, host: IPAddress, start: Double, width: Double,
                                        buckets: Int) throws -> [Int] {
        var records = try RawStatement(db, sql: """
            SELECT CAST((seen_at - ?) / ? AS INTEGER), coalesce(connection_id, -id) FROM event
            WHERE source_ip = ? AND seen_at >= ?
            ORDER BY seen_at
            """)
        records.bind(start)
        records.bind(width)
        records.bind(host)
        records.bind(start)
        var counts = Array(repeating: 0, count: buckets)
        var slot = -1
        var connections = Set<Int64>()
        func countSlot() {
            if counts.indices.contains(slot) { counts[slot] = connections.count }
        }
        while try records.step() {
            let recordSlot = Int(records.int64(0) ?? -1)
            if recordSlot != slot {
                countSlot()
                slot = recordSlot
                connections.removeAll(keepingCapacity: true)
            }
            connections.insert(records.int64(1) ?? 0)
        }
        countSlot()
        return counts
    }
}
