import Detection
import Foundation
import GRDB
@testable import Store
import Testing
import TestSupport
import TriageModel

/// A host's activity (the hosts list's sparkline) is exactly what counting gives, on generated
/// stores whose connections are seen by several sensors and straddle bucket edges, and after the
/// v11 migration of a store the previous schema made: in days and in hours, read from the timeline
/// tables (`host_flow_day`, `host_flow_hour`), the host's connections by the bucket they started in.
@Suite("Host activity read from the timeline tables")
struct HostActivityTests {
    /// A generated store of five hosts' connections seen by several sensors, over days, with
    /// connections that start in the last seconds of a day and are seen into the next.
    private final class Scenario: SensorConnectionsStore {
        init(seed: UInt64) throws {
            try super.init(seed: seed, hosts: (0..<5).map { IPAddress("10.4.0.\($0 + 1)")! })
        }

        func ingest(days: Int) throws {
            for day in 0..<days {
                try ingest(day: Double(day))
                try ingest(from: baseTime.addingTimeInterval(Double(day * 86_400 + 86_398)), within: 2)
            }
        }

        /// Every host's activity in days and hours, for several bucket counts, against the host's
        /// connections counted by the bucket they started in.
        func expectActivityIsTheCountedRecords(sourceLocation: SourceLocation = #_sourceLocation) throws {
            let database = try DatabaseQueue(path: fixture.path)
            for host in hosts + [IPAddress("10.4.9.9")!] {
                for (bucket, buckets) in [(TimelineBucket.day, 12), (.day, 3), (.hour, 30), (.hour, 1)] {
                    let counted = try database.read { db in try Self.countedFlows(db, host, bucket, buckets) }
                    #expect(try store.hostActivity(host, bucket: bucket, buckets: buckets) == counted,
                            "\(host) \(bucket) × \(buckets)", sourceLocation: sourceLocation)
                }
            }
        }

        /// The host's connections (its `connection` rows and its lone records) counted by the UTC
        /// bucket of their start, for the last `buckets` buckets up to that of the host's last
        /// activity (a start after it counts in its bucket).
        private static func countedFlows(_ db: Database, _ host: IPAddress, _ bucket: TimelineBucket,
                                         _ buckets: Int) throws -> [Int] {
            var counts = Array(repeating: 0, count: buckets)
            guard let lastSeen = try Double.fetchOne(db, sql: "SELECT last_seen FROM host WHERE address = ?",
                                                     arguments: [host.storeBlob]) else { return counts }
            let lastBucket = Int((lastSeen / bucket.seconds).rounded(.down))
            var starts = try Double.fetchAll(db, sql: "SELECT first_seen FROM connection NOT INDEXED WHERE host = ?",
                                             arguments: [host.storeBlob])
            starts += try Row.fetchAll(db, sql: """
                SELECT \(ConnectionRow.recordSelection) FROM event e NOT INDEXED
                WHERE e.source_ip = ? AND e.connection_id IS NULL
                """, arguments: [host.storeBlob]).map { ConnectionRow(storedRecord: $0, startingAt: 0).span.start.storeSeconds }
            for start in starts {
                let slot = min(Int((start / bucket.seconds).rounded(.down)), lastBucket) - lastBucket + buckets - 1
                if counts.indices.contains(slot) { counts[slot] += 1 }
            }
            return counts
        }
    }

    @Test(arguments: [1, 2] as [UInt64])
    func theActivityIsTheConnectionsStartedInEachBucket(seed: UInt64) throws {
        let scenario = try Scenario(seed: seed)
        try scenario.ingest(days: 14)
        #expect(try scenario.store.hostActivity(scenario.hosts[0], bucket: .day, buckets: 12).reduce(0, +) > 12)
        try scenario.expectActivityIsTheCountedRecords()
    }

    @Test func theMigrationGivesTheHostsEventsTheirConnectionInTheTimeIndex() throws {
        let scenario = try Scenario(seed: 3)
        try scenario.ingest(days: 5)
        let before = try scenario.hosts.map { try scenario.store.hostActivity($0, bucket: .hour, buckets: 48) }
        func indexedColumns() throws -> [String] {
            try DatabaseQueue(path: scenario.fixture.path).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info('event_source_time') ORDER BY seqno")
            }
        }
        #expect(try indexedColumns() == ["source_ip", "seen_at", "connection_id"])
        try DatabaseQueue(path: scenario.fixture.path).write { db in try rollBack(db, rollbackToVersion10) }
        #expect(try indexedColumns() == ["source_ip", "seen_at"])

        scenario.store = try scenario.fixture.store(running: .bundled())
        #expect(try DatabaseQueue(path: scenario.fixture.path).read { db in
            try Int.fetchOne(db, sql: "PRAGMA user_version")
        } == SMBStore.schemaVersion)
        #expect(try indexedColumns() == ["source_ip", "seen_at", "connection_id"])
        #expect(try scenario.hosts.map { try scenario.store.hostActivity($0, bucket: .hour, buckets: 48) } == before)
        try scenario.expectActivityIsTheCountedRecords()
    }
}
