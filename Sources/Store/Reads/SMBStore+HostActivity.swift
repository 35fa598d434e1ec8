import Detection
import Foundation
import GRDB
import TriageModel

extension SMBStore {
    /// Flows per bucket of the host's last `buckets` buckets up to its last activity, oldest
    /// first (the hosts list's sparkline): the host's rows of the width's timeline table
    /// (`host_flow_hour`, `host_flow_day`: a flow counts in the bucket it started in, pruned flows
    /// too, as in the history's chart). A flow filed after the host's last activity (a start a
    /// record claimed past its own time) counts in the last bucket, as the chart counts it.
    public func hostActivity(_ host: IPAddress, bucket: TimelineBucket, buckets: Int) throws -> [Int] {
        guard buckets > 0 else { return [] }
        return try read { db in
            var counts = Array(repeating: 0, count: buckets)
            guard let lastSeen = try Double.fetchOne(db, sql: "SELECT last_seen FROM host WHERE address = ?",
                                                     arguments: [host.storeBlob]) else { return counts }
            let lastBucket = bucket.index(of: lastSeen)
            let firstBucket = lastBucket - Int64(buckets - 1)
            for row in try Row.fetchAll(db, sql: """
                SELECT min(\(bucket.column), ?3) - ?2, flows FROM \(bucket.table) WHERE host = ?1 AND \(bucket.column) >= ?2
                """, arguments: [host.storeBlob, firstBucket, lastBucket]) {
                counts[row[0] as Int] += row[1]
            }
            return counts
        }
    }
}
