import Detection
import Foundation
import GRDB

extension SMBStore {
    /// The daily summaries of the host's pruned flows, newest day first (per day, by destination).
    public func flowSummaries(of host: IPAddress) throws -> [FlowSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.day, s.destination, s.ports, s.flows, s.bytes_sent, s.bytes_received, s.first_seen,
                       s.last_seen, s.is_external, coalesce(d.first_seen BETWEEN s.first_seen AND s.last_seen, 0)
                FROM flow_summary s
                LEFT JOIN host_destination d ON d.host = s.host AND d.destination = s.destination
                WHERE s.host = ?
                ORDER BY s.day DESC, s.destination
                """, arguments: [host.storeBlob]).map { row in
                FlowSummary(host: host, day: Date(storeSeconds: Double(row[0] as Int64) * 86_400),
                            destination: IPAddress(storeBlob: row[1]), ports: PortList.ports(row[2]), flows: row[3],
                            bytesSent: row[4], bytesReceived: row[5], firstSeen: Date(storeSeconds: row[6]),
                            lastSeen: Date(storeSeconds: row[7]), isExternal: row[8], isFirstSeenDestination: row[9])
            }
        }
    }
}
