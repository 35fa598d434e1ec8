import Detection
import Foundation
import GRDB

/// Gives a store from before connections (schema 6) its connections: groups its events by
/// Community ID and span as `ConnectionLinker` does at ingest, then takes back from the host and
/// (host, destination) aggregates what each connection was over-counted by (a flow and its bytes
/// per extra sensor), so flows pruned before keep their share. Then marks which destinations
/// answered and which were new for their host.
enum ConnectionBackfill {
    static func run(_ db: Database) throws {
        try linkEvents(db)
        try markDestinations(db)
    }

    /// A connection being built and what the aggregates counted for its records.
    private struct Group {
        var row: ConnectionRow
        var destination: Data?
        var isExternal: Bool
        var eventIDs: [Int64]
        var countedBytesSent: Int64
        var countedBytesReceived: Int64
    }

    private static func linkEvents(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, community_id, source_ip, destination_ip, is_external, seen_at, start_at, end_at, duration_ns,
                   source_bytes, destination_bytes, source_packets, destination_packets, dataset, module, observer_host
            FROM event ORDER BY community_id, coalesce(start_at, seen_at), id
            """)
        var communityID: String?
        var open: [Group] = []
        while let row = try rows.next() {
            var event = NetworkEvent()
            event.communityID = row[1]
            event.sourceIPs = (row[2] as Data?).flatMap(IPAddress.init(mappedBytes:)).map { [$0] } ?? []
            event.start = (row[6] as Double?).map(Date.init(storeSeconds:))
            event.end = (row[7] as Double?).map(Date.init(storeSeconds:))
            event.durationNanoseconds = row[8]
            event.sourceBytes = row[9]
            event.destinationBytes = row[10]
            event.sourcePackets = row[11]
            event.destinationPackets = row[12]
            event.dataset = row[13]
            event.module = row[14]
            event.observerHostName = row[15]
            let record = ConnectionRow(event, span: ConnectionSpan(of: event, seenAt: Date(storeSeconds: row[5])))
            if event.communityID == nil || event.communityID != communityID {
                for group in open { try store(group, communityID: communityID, db) }
                open = []
                communityID = event.communityID
            }
            let eventID: Int64 = row[0]
            if event.communityID != nil, let index = open.lastIndex(where: { $0.row.includes(record) }) {
                open[index].row = open[index].row.merging(record)
                open[index].eventIDs.append(eventID)
                open[index].countedBytesSent = open[index].countedBytesSent.saturatingAdding(record.bytesSent)
                open[index].countedBytesReceived = open[index].countedBytesReceived.saturatingAdding(record.bytesReceived)
            } else {
                open.append(Group(row: record, destination: row[3], isExternal: row[4], eventIDs: [eventID],
                                  countedBytesSent: record.bytesSent, countedBytesReceived: record.bytesReceived))
            }
        }
        for group in open { try store(group, communityID: communityID, db) }
    }

    private static func store(_ group: Group, communityID: String?, _ db: Database) throws {
        let row = group.row
        try db.execute(sql: """
            INSERT INTO connection (community_id, host, first_seen, last_seen, bytes_sent, bytes_received, packets_sent,
                                    packets_received, sensors, events)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [communityID, row.host?.mappedBytes, row.span.start.storeSeconds, row.span.end.storeSeconds,
                             row.bytesSent, row.bytesReceived, row.packetsSent, row.packetsReceived,
                             StringList.text(row.sensors), group.eventIDs.count])
        let connectionID = db.lastInsertedRowID
        let link = try db.cachedStatement(sql: "UPDATE event SET connection_id = ? WHERE id = ?")
        for eventID in group.eventIDs { try link.execute(arguments: [connectionID, eventID]) }
        guard group.eventIDs.count > 1, let host = row.host?.mappedBytes else { return }
        let extraFlows = group.eventIDs.count - 1
        let extraSent = group.countedBytesSent - row.bytesSent
        let extraReceived = group.countedBytesReceived - row.bytesReceived
        try db.execute(sql: """
            UPDATE host SET flows = max(0, flows - ?), bytes_out = max(0, bytes_out - ?) WHERE address = ?
            """, arguments: [extraFlows, group.isExternal ? extraSent : 0, host])
        try db.execute(sql: """
            UPDATE host_destination SET connections = max(0, connections - ?), bytes_sent = max(0, bytes_sent - ?),
                                        bytes_received = max(0, bytes_received - ?)
            WHERE host = ? AND destination = ?
            """, arguments: [extraFlows, extraSent, extraReceived, host, group.destination])
    }

    /// Which destinations answered (a stored record shows a reply, or pruned flows got bytes back)
    /// and which were new for their host, then the host counts the ranking reads.
    private static func markDestinations(_ db: Database) throws {
        let replies = try Row.fetchCursor(db, sql: """
            SELECT source_ip, destination_ip, destination_bytes, connection_state FROM event
            WHERE destination_bytes > 0 AND source_ip IS NOT NULL
            """)
        let markReplied = try db.cachedStatement(sql: """
            UPDATE host_destination SET replied = 1 WHERE host = ? AND destination = ? AND replied = 0
            """)
        while let row = try replies.next() {
            var event = NetworkEvent()
            event.destinationBytes = row[2]
            event.connectionState = row[3]
            if event.showsReply { try markReplied.execute(arguments: [row[0] as Data, row[1] as Data?]) }
        }
        try db.execute(sql: """
            UPDATE host_destination SET replied = 1
            WHERE EXISTS (SELECT 1 FROM flow_summary s WHERE s.host = host_destination.host
                          AND s.destination = host_destination.destination AND s.bytes_received > 0);
            UPDATE host SET
                unanswered_destinations = (SELECT COUNT(*) FROM host_destination d
                                           WHERE d.host = host.address AND d.is_external AND NOT d.replied);
            """)
        try NewDestinations.recount(db, ranking: false)
    }
}
