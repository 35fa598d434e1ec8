import Detection
import Foundation
import GRDB
@testable import Store
import TestSupport
import Testing
import TriageModel

/// The host and (host, destination) aggregates the writer adds up batch by batch equal a recount
/// from the stored records and connections, on generated batches that revisit hosts, pairs and
/// connections (several sensors, one Community ID), move a host's or a pair's first sighting
/// earlier, and mix external, internal, answered and unanswered destinations.
@Suite("Aggregates against a recount")
struct AggregateRecountTests {
    private static let hosts = (1...9).map { IPAddress("10.1.0.\($0)")! }
    private static let destinations = (1...6).map { IPAddress("81.2.69.\($0)")! } + (1...3).map { IPAddress("10.9.0.\($0)")! }

    /// One generated record; records of one (host, destination, slot) share a Community ID and
    /// start within seconds of each other, so most of them join one connection.
    private static func record(_ random: inout SplitMix64, line: Int) -> IngestedEvent {
        let host = random.next(below: hosts.count)
        let destination = random.next(below: destinations.count)
        let slot = random.next(below: 3)
        let day = Double(random.next(below: 7) - 3) * 86_400
        let start = baseTime.addingTimeInterval(day + Double(slot * 5_000 + host * 7 + destination) + Double(random.next() % 20))
        var event = NetworkEvent(
            timestamp: start, dataset: random.next() % 2 == 0 ? "zeek.connection" : "network_traffic.flow",
            categories: ["network"], sourceIPs: [hosts[host]], sourcePort: 50_000 + slot,
            sourceBytes: Int64(random.next() % 10_000), destinationIPs: [destinations[destination]],
            destinationPort: random.next() % 4 == 0 ? 139 : 445,
            destinationBytes: random.next() % 3 == 0 ? 0 : Int64(random.next() % 5_000), transport: "tcp",
            communityID: random.next() % 5 == 0 ? nil : "1:h\(host)d\(destination)s\(slot)day\(day)")
        event.start = start
        event.end = start.addingTimeInterval(Double(random.next() % 30))
        return IngestedEvent(event: event, origin: RecordOrigin(path: "/logs/generated", line: line, format: "ecs",
                                                               original: "{\"line\":\(line)}"))
    }

    /// Each (host, destination) row as the writer kept it and as recounted from `event` and `connection`.
    private static let pairRows = """
        SELECT d.connections, d.bytes_sent, d.bytes_received, d.first_seen, d.first_event_id, d.last_seen,
               d.is_external, d.replied, d.is_new, d.ports
        FROM host_destination d ORDER BY d.host, d.destination
        """
    private static let recountedPairRows = """
        WITH pair AS (
            SELECT source_ip AS host, destination_ip AS destination, COUNT(DISTINCT coalesce(connection_id, -id)) AS connections,
                   min(seen_at) AS first_seen, max(seen_at) AS last_seen, max(is_external) AS is_external,
                   max(recount_destination_bytes(fields) > 0) AS replied
            FROM event GROUP BY source_ip, destination_ip
        ), flow AS (
            SELECT c.host, e.destination_ip AS destination, c.bytes_sent AS sent, c.bytes_received AS received
            FROM connection c JOIN (SELECT DISTINCT connection_id, destination_ip FROM event) e ON e.connection_id = c.id
            UNION ALL
            SELECT source_ip, destination_ip, max(0, coalesce(recount_source_bytes(fields), 0)),
                   max(0, coalesce(recount_destination_bytes(fields), 0))
            FROM event WHERE connection_id IS NULL
        ), bytes AS (
            SELECT host, destination, sum(sent) AS sent, sum(received) AS received FROM flow GROUP BY host, destination
        )
        SELECT p.connections, b.sent, b.received, p.first_seen,
               (SELECT min(id) FROM event e WHERE e.source_ip = p.host AND e.destination_ip = p.destination
                                              AND e.seen_at = p.first_seen),
               p.last_seen, p.is_external, p.replied,
               p.is_external AND p.first_seen >= ? + (SELECT min(seen_at) FROM event e WHERE e.source_ip = p.host),
               (SELECT group_concat(port, ',') FROM (
                   SELECT DISTINCT destination_port AS port FROM event e
                   WHERE e.source_ip = p.host AND e.destination_ip = p.destination ORDER BY port))
        FROM pair p JOIN bytes b ON b.host = p.host AND b.destination = p.destination
        ORDER BY p.host, p.destination
        """
    /// `recount_destination_bytes(fields)`: the `destination.bytes` an `event.fields` value holds.
    private static let destinationBytes = DatabaseFunction("recount_destination_bytes", argumentCount: 1, pure: true) { values in
        decoded(values[0]).destinationBytes
    }
    /// `recount_source_bytes(fields)`: the `source.bytes` an `event.fields` value holds.
    private static let sourceBytes = DatabaseFunction("recount_source_bytes", argumentCount: 1, pure: true) { values in
        decoded(values[0]).sourceBytes
    }

    private static func decoded(_ fields: DatabaseValue) -> NetworkEvent {
        var event = NetworkEvent()
        if let fields = Data.fromDatabaseValue(fields) { EventFields.decode(fields, seenAt: 0, into: &event) }
        return event
    }

    private static let hostRows = """
        SELECT first_seen, last_seen, flows, bytes_out, external_destinations, unanswered_destinations,
               new_destinations, new_destination_bytes
        FROM host ORDER BY address
        """
    private static let recountedHostRows = """
        SELECT min(e.seen_at), max(e.seen_at), COUNT(DISTINCT coalesce(e.connection_id, -e.id)),
               (SELECT coalesce(sum(d.bytes_sent), 0) FROM host_destination d WHERE d.host = e.source_ip AND d.is_external),
               (SELECT COUNT(*) FROM host_destination d WHERE d.host = e.source_ip AND d.is_external),
               (SELECT COUNT(*) FROM host_destination d WHERE d.host = e.source_ip AND d.is_external AND NOT d.replied),
               (SELECT COUNT(*) FROM host_destination d WHERE d.host = e.source_ip AND d.is_new),
               (SELECT coalesce(sum(d.bytes_sent), 0) FROM host_destination d WHERE d.host = e.source_ip AND d.is_new)
        FROM event e GROUP BY e.source_ip ORDER BY e.source_ip
        """

    @Test(arguments: [1, 29, 415] as [UInt64]) func batchByBatchAggregatesEqualARecount(seed: UInt64) throws {
        let fixture = try StoreFixture()
        var random = SplitMix64(seed: seed)
        var line = 0
        for batch in 0..<8 {
            let records = (0..<(20 + batch * 10)).map { _ in
                line += 1
                return Self.record(&random, line: line)
            }
            try fixture.store.insert(records, ingestedAt: baseTime.addingTimeInterval(Double(batch)))
        }
        let queue = try DatabaseQueue(path: fixture.path)
        try queue.read { db in
            db.add(function: Self.destinationBytes)
            db.add(function: Self.sourceBytes)
            let joined = try Int.fetchOne(db, sql: "SELECT COUNT(*) - COUNT(DISTINCT connection_id) FROM event WHERE connection_id IS NOT NULL") ?? 0
            #expect(joined > 0, "the generated records join connections")
            let lone = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE connection_id IS NULL") ?? 0
            #expect(lone > 0, "some generated records are connections of their own")
            func values(_ sql: String, _ arguments: StatementArguments = []) throws -> [[DatabaseValue]] {
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { Array($0.databaseValues) }
            }
            let pairs = try values(Self.pairRows), recountedPairs = try values(Self.recountedPairRows, [HostRanking.newDestinationGrace])
            #expect(pairs.count == recountedPairs.count)
            for (kept, recounted) in zip(pairs, recountedPairs) { #expect(kept == recounted) }
            let hosts = try values(Self.hostRows), recountedHosts = try values(Self.recountedHostRows)
            #expect(hosts.count == recountedHosts.count)
            for (kept, recounted) in zip(hosts, recountedHosts) { #expect(kept == recounted) }
        }
    }
}
