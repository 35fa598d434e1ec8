import Detection
import Foundation
import GRDB
@testable import Store
import Testing
import TestSupport
import TriageModel

/// A host's activity (the hosts list's sparkline) is exactly what counting gives, on generated
/// stores whose connections are seen by several sensors and straddle bucket edges, and after the
/// v11 migration of a store the previous schema made: in days, read from `host_flow_day`, the
/// host's connections by the day they started; in hours, read from `event_source_time` alone, the
/// distinct connections of the host's records per hour.
@Suite("Host activity read from the index")
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

        /// Every host's activity in days and hours, for several bucket counts: in days against the
        /// host's connections counted by the day they started, in hours against the count of
        /// distinct connections per hour over the host's records.
        func expectActivityIsTheCountedRecords(sourceLocation: SourceLocation = #_sourceLocation) throws {
            let database = try DatabaseQueue(path: fixture.path)
            for host in hosts + [IPAddress("10.4.9.9")!] {
                for (bucket, buckets) in [(TimelineBucket.day, 12), (.day, 3), (.hour, 30), (.hour, 1)] {
                    let counted = try database.read { db in
                        bucket == .day ? try Self.countedDailyFlows(db, host, buckets)
                            : try Self.countedActivity(db, host, bucket, buckets)
                    }
                    #expect(try store.hostActivity(host, bucket: bucket, buckets: buckets) == counted,
                            "\(host) \(bucket) × \(buckets)", sourceLocation: sourceLocation)
                }
            }
        }

        /// The host's connections counted by the UTC day of their start, for the last `days` days
        /// up to the day of the host's last activity.
        private static func countedDailyFlows(_ db: Database, _ host: IPAddress, _ days: Int) throws -> [Int] {
            var counts = Array(repeating: 0, count: days)
            guard let lastSeen = try Double.fetchOne(db, sql: "SELECT last_seen FROM host WHERE address = ?",
                                                     arguments: [host.storeBlob]) else { return counts }
            let firstDay = Int((lastSeen / 86_400).rounded(.down)) - (days - 1)
            for row in try Row.fetchAll(db, sql: """
                SELECT CAST(first_seen / 86400 AS INTEGER) AS day, COUNT(*) FROM connection NOT INDEXED
                WHERE host = ? GROUP BY day
                """, arguments: [host.storeBlob]) {
                let slot = (row[0] as Int) - firstDay
                if counts.indices.contains(slot) { counts[slot] = row[1] }
            }
            return counts
        }

        /// The activity counted over the host's event rows: distinct connections per bucket of the
        /// last `buckets` buckets up to the host's last activity.
        private static func countedActivity(_ db: Database, _ host: IPAddress, _ bucket: TimelineBucket,
                                            _ buckets: Int) throws -> [Int] {
            let blob = host.storeBlob
            var counts = Array(repeating: 0, count: buckets)
            guard let lastSeen = try Double.fetchOne(db, sql: "SELECT last_seen FROM host WHERE address = ?",
                                                     arguments: [blob]) else { return counts }
            let start = ((lastSeen / bucket.seconds).rounded(.down) - Double(buckets - 1)) * bucket.seconds
            for row in try Row.fetchAll(db, sql: """
                SELECT CAST((seen_at - ?) / ? AS INTEGER) AS slot, COUNT(DISTINCT connection_id)
                FROM event NOT INDEXED WHERE source_ip = ? AND seen_at >= ? GROUP BY slot
                """, arguments: [start, bucket.seconds, blob, start]) {
                let slot: Int = row[0]
                if counts.indices.contains(slot) { counts[slot] = row[1] }
            }
            return counts
        }
    }

    @Test(arguments: [1, 2] as [UInt64])
    func theActivityIsTheDistinctConnectionsOfEachBucket(seed: UInt64) throws {
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
        } == 21)
        #expect(try indexedColumns() == ["source_ip", "seen_at", "connection_id"])
        #expect(try scenario.hosts.map { try scenario.store.hostActivity($0, bucket: .hour, buckets: 48) } == before)
        try scenario.expectActivityIsTheCountedRecords()
    }
}
