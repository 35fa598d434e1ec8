import Detection
import Foundation
import GRDB
@testable import Store
import Synchronization
import TestSupport
import Testing
import TriageModel

/// The hosts' hourly timelines kept per hour (`host_flow_hour`, v23) by the writer, as it keeps
/// `host_flow_day`: the rows are the host's flows grouped by the hour of their start from every
/// stored connection (`WholeTimeline`), whatever the history (flows of one sensor and of several,
/// joined across batches, day-long ones, reports stamped after their flows, records claiming a
/// start after their own time), a prune leaves them, and the v23 migration makes them from a store
/// the previous schema made (a pruned flow in its summary's first hour). The history chart's read of a host's last hours
/// (`SMBStore.timeline(of:bucket:last:)`) is the end of its whole hourly timeline, and its totals
/// are those of `host_flow_day`.
@Suite("A host's hourly timeline from per-hour rows")
struct HostFlowHourTests {
    static let hosts = (1...4).map { IPAddress("10.0.1.\($0)")! }
    static let hour = TimelineBucket.hour.seconds
    static let counts = [1, 2, 3, 5, 24, 100, 1_000, .max]

    /// A record of `host`'s at `time` from `sensor`, reporting a span when `start` is set.
    static func record(_ host: IPAddress, to destination: IPAddress, at time: Date, start: Date? = nil, end: Date? = nil,
                       bytes: Int64, sensor: String, communityID: String, line: Int) -> IngestedEvent {
        var event = NetworkEvent(
            timestamp: time, dataset: sensor, categories: ["network"], sourceIPs: [host], sourcePort: 40_000 + line % 20_000,
            sourceBytes: bytes, destinationIPs: [destination], destinationPort: 445, destinationBytes: 10, transport: "tcp",
            communityID: communityID)
        event.start = start
        event.end = end
        return IngestedEvent(event: event, origin: RecordOrigin(path: "/logs/\(sensor)", line: line, format: "ecs",
                                                               original: "{\"line\":\(line)}"))
    }

    /// `count` flows of the hosts over ten days from `baseTime` (the last host's over two, to
    /// internal destinations only: the rule queues none of them, so a prune can take them all), in
    /// two batches: a flow of one sensor stamped at its start, lasting up to a day; a Suricata-style
    /// one stamped ten minutes after its end; a connection two or three sensors report, its later
    /// records often in the second batch (joining it then); a record claiming a start up to 30
    /// hours after its own time.
    static func history(seed: UInt64, count: Int) -> (first: [IngestedEvent], second: [IngestedEvent]) {
        var random = SplitMix64(seed: seed)
        var batches: ([IngestedEvent], [IngestedEvent]) = ([], [])
        var line = 0
        for flow in 0..<count {
            let index = random.next(below: hosts.count)
            let host = hosts[index]
            let isLast = index == hosts.count - 1
            let time = baseTime + Double(random.next(below: (isLast ? 2 : 10) * 86_400))
            let isInternal = isLast || random.next(below: 3) == 0
            let destination = IPAddress(isInternal ? "192.168.7.9" : "8.8.\(random.next(below: 3)).8")!
            let bytes = Int64(random.next(below: 1_000_000))
            let duration = Double(random.next(below: 4) == 0 ? random.next(below: 86_400) : random.next(below: 600))
            let id = "1:\(seed)-\(flow)"
            line += 1
            switch random.next(below: 4) {
            case 0:
                batches.0.append(record(host, to: destination, at: time, start: time, end: time + duration, bytes: bytes,
                                        sensor: "zeek.connection", communityID: id, line: line))
            case 1:
                batches.0.append(record(host, to: destination, at: time + duration + 600, start: time, end: time + duration,
                                        bytes: bytes, sensor: "suricata.eve", communityID: id, line: line))
            case 2:
                let sensors = ["zeek.connection", "network_traffic.flow", "suricata.eve"].prefix(2 + random.next(below: 2))
                for (offset, sensor) in sensors.enumerated() {
                    let start = time + Double(random.next(below: 3))
                    let stamp = sensor == "suricata.eve" ? start + duration + 600 : start
                    let sent = bytes / Int64(1 + random.next(below: 3))
                    let record = record(host, to: destination, at: stamp, start: start, end: start + duration, bytes: sent,
                                        sensor: sensor, communityID: id, line: line + offset)
                    if offset > 0, random.next(below: 2) == 0 { batches.1.append(record) } else { batches.0.append(record) }
                }
                line += sensors.count
            default:
                let start = time + Double(1 + random.next(below: 30 * 3_600))
                batches.0.append(record(host, to: destination, at: time, start: start, end: start + 10, bytes: bytes,
                                        sensor: "zeek.connection", communityID: id, line: line))
            }
        }
        return batches
    }

    /// Every host's `host_flow_hour` and `host_flow_day` rows against `flows` (its flows per hour as
    /// stored before any prune, `WholeTimeline.flows`), then its chart's last `count` hours for
    /// every count up to 1,000 and more against the end of its whole hourly chart, and the totals
    /// against its days' rows.
    static func expectChartsAreTheLastBuckets(_ store: SMBStore, flows: [IPAddress: [Int64: TimelinePoint]],
                                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        for host in hosts {
            let (hours, days, whole) = try store.read { db in
                (try WholeTimeline.rows(db, host: host, width: .hour), try WholeTimeline.rows(db, host: host, width: .day),
                 try WholeTimeline.chart(db, host: host, width: .hour, flows: flows[host] ?? [:]))
            }
            #expect(hours == flows[host], "host \(host)", sourceLocation: sourceLocation)
            #expect(!whole.isEmpty, sourceLocation: sourceLocation)
            let daily = try store.timeline(of: host, bucket: .day, last: .max).totals
            let dayRows = TimelineTotals(summing: Array(days.values))
            #expect(daily.flows == dayRows.flows && daily.externalFlows == dayRows.externalFlows
                    && daily.bytesOut == dayRows.bytesOut, "host \(host)", sourceLocation: sourceLocation)
            let hourly = TimelineTotals(summing: whole)
            #expect(hourly.flows == daily.flows && hourly.externalFlows == daily.externalFlows
                    && hourly.bytesOut == daily.bytesOut, "host \(host)", sourceLocation: sourceLocation)
            for count in Array(1...1_000) + [.max] {
                let window = try store.timeline(of: host, bucket: .hour, last: count)
                #expect(window.points == HostTimeline.last(count, of: whole, bucket: .hour),
                        "host \(host), last \(count)", sourceLocation: sourceLocation)
                #expect(window.totals == daily, "host \(host), last \(count)", sourceLocation: sourceLocation)
            }
            #expect(try store.timeline(of: host, bucket: .hour, last: 0).points.isEmpty, sourceLocation: sourceLocation)
        }
    }

    /// Each host's stored flows per hour (`WholeTimeline.flows`).
    static func flows(_ store: SMBStore) throws -> [IPAddress: [Int64: TimelinePoint]] {
        try store.read { db in
            Dictionary(uniqueKeysWithValues: try hosts.map { ($0, try WholeTimeline.flows(db, host: $0, width: .hour)) })
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func theRowsAreTheFlowsAndTheChartIsTheirEnd(seed: UInt64) throws {
        let fixture = try StoreFixture()
        let batches = Self.history(seed: seed, count: 400)
        _ = try fixture.store.insert(batches.first, ingestedAt: baseTime)
        _ = try fixture.store.insert(batches.second, ingestedAt: baseTime)
        let shape = try fixture.store.read { db in
            (joined: try Int.fetchOne(db, sql: "SELECT count(*) FROM connection WHERE events > 1") ?? 0,
             startingLater: try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE lone_start > seen_at") ?? 0)
        }
        #expect(shape.joined > 10 && shape.startingLater > 10)
        let flows = try Self.flows(fixture.store)
        try Self.expectChartsAreTheLastBuckets(fixture.store, flows: flows)

        try fixture.store.setRetentionPolicy(RetentionPolicy(flowDays: 1, closedAlertDays: 180, auditDays: 730), actor: "ana")
        #expect(try fixture.store.prune(at: baseTime + 5 * 86_400, actor: "ana").flows > 0)
        let lastHost = try fixture.store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE source_ip = ?", arguments: [Self.hosts[3].storeBlob])
        }
        #expect(lastHost == 0)
        let pruned = try fixture.store.timeline(of: Self.hosts[3], bucket: .hour, last: .max)
        #expect(pruned.totals.flows > 0 && pruned.totals.summarizedFlows == pruned.totals.flows)
        #expect(pruned.points.contains { $0.summarizedFlows > 0 })
        try Self.expectChartsAreTheLastBuckets(fixture.store, flows: flows)
    }

    /// A record claiming a start after its own time is filed at that start (in 2100 here), and
    /// the charts count it in the host's newest hour and day, those of its newest record's time:
    /// it neither hides from the last hours nor makes a bucket after every record's time the newest.
    @Test func aStartAfterEveryRecordCountsInTheNewestBucket() throws {
        let fixture = try StoreFixture()
        let host = Self.hosts[0], destination = IPAddress("8.8.8.8")!
        let future = baseTime + 100 * 365 * 86_400
        let newest = baseTime + 30 * 3_600
        try fixture.store.insert([
            Self.record(host, to: destination, at: baseTime, start: baseTime, bytes: 10, sensor: "zeek.connection",
                        communityID: "1:a", line: 1),
            Self.record(host, to: destination, at: baseTime + 3_600, start: future, end: future + 10, bytes: 20,
                        sensor: "zeek.connection", communityID: "1:b", line: 2),
            Self.record(host, to: destination, at: newest, start: newest, bytes: 40, sensor: "zeek.connection",
                        communityID: "1:c", line: 3),
        ], ingestedAt: baseTime)
        let filed = try fixture.store.read { db in try WholeTimeline.rows(db, host: host, width: .hour) }
        #expect(filed.keys.max() == TimelineBucket.hour.index(of: future.storeSeconds))
        for bucket in TimelineBucket.allCases {
            let newestBucket = Date(storeSeconds: Double(bucket.index(of: newest.storeSeconds)) * bucket.seconds)
            let last = try fixture.store.timeline(of: host, bucket: bucket, last: 1)
            #expect(last.points == [TimelinePoint(start: newestBucket, flows: 2, bytesOut: 60, externalFlows: 2)], "\(bucket)")
            let whole = try fixture.store.timeline(of: host, bucket: bucket, last: .max)
            #expect(whole.points.map(\.flows) == [1, 2] && whole.totals.flows == 3, "\(bucket)")
            // The hosts list's sparkline counts it in the same bucket.
            #expect(try fixture.store.hostActivity(host, bucket: bucket, buckets: 1) == [2], "\(bucket)")
        }
    }

    /// Flows a prune at `baseTime` takes (a month earlier, to internal destinations): per day and
    /// destination a lone record and a connection of two sensors' records, within one hour for the
    /// first destination; for the second spread over the day (at 02, 09 and 17 h UTC, with a
    /// second lone record). A summary keeps only its first record's time, where the migration
    /// files all its flows.
    static func prunedFlows(of host: IPAddress) -> [IngestedEvent] {
        let midnight = Date(storeSeconds: Double(TimelineBucket.day.index(of: baseTime.storeSeconds)) * 86_400)
        return (0..<3).flatMap { day in
            (0..<2).flatMap { destination in
                let first = midnight - Double(30 - day) * 86_400 + Double(destination == 0 ? 20 : 2) * 3_600 + 1_500
                let joined = first + (destination == 0 ? 600 : 7 * 3_600)
                let to = IPAddress("192.168.8.\(destination)")!, line = 90_000 + day * 100 + destination * 10
                let records = [
                    record(host, to: to, at: first, start: first, end: first + 60, bytes: 100, sensor: "zeek.connection",
                           communityID: "1:pruned-\(day)-\(destination)-lone", line: line),
                    record(host, to: to, at: joined, start: joined, end: joined + 60, bytes: 200,
                           sensor: "zeek.connection", communityID: "1:pruned-\(day)-\(destination)", line: line + 1),
                    record(host, to: to, at: joined + 660, start: joined + 1, end: joined + 60, bytes: 300,
                           sensor: "suricata.eve", communityID: "1:pruned-\(day)-\(destination)", line: line + 2)]
                guard destination == 1 else { return records }
                return records + [record(host, to: to, at: first + 15 * 3_600, start: first + 15 * 3_600,
                                         end: first + 15 * 3_600 + 60, bytes: 400, sensor: "zeek.connection",
                                         communityID: "1:pruned-\(day)-\(destination)-late", line: line + 3)]
            }
        }
    }

    /// A store the previous schema made (v22) gets from the migration the rows the writer keeps:
    /// its lone records and connections of several records counted, and every alert, note, case,
    /// exception and `host_flow_day` row kept. A summary of pruned flows counts all its flows in
    /// its first record's hour (the writer had each in its own), so the days add up as before.
    @Test func theMigrationMakesTheRowsTheWriterKeeps() throws {
        let fixture = try StoreFixture()
        let batches = Self.history(seed: 4, count: 400)
        let pruned = IPAddress("10.0.1.9")!
        _ = try fixture.store.insert(batches.first + Self.prunedFlows(of: pruned), ingestedAt: baseTime)
        _ = try fixture.store.insert(batches.second, ingestedAt: baseTime)
        try StoreSnapshot.triage(fixture.store, host: Self.hosts[0])
        try fixture.store.setRetentionPolicy(RetentionPolicy(flowDays: 1, closedAlertDays: 180, auditDays: 730), actor: "ana")
        #expect(try fixture.store.prune(at: baseTime, actor: "ana").flows > 0)
        func rows() throws -> (others: [[Row]], prunedHours: [Int64: TimelinePoint]) {
            try DatabaseQueue(path: fixture.path).read { db in
                ([try Row.fetchAll(db, sql: "SELECT * FROM host_flow_hour WHERE host <> ? ORDER BY host, hour",
                                   arguments: [pruned.storeBlob]),
                  try Row.fetchAll(db, sql: "SELECT * FROM host_flow_day ORDER BY host, day")],
                 try WholeTimeline.rows(db, host: pruned, width: .hour))
            }
        }
        let before = try rows()
        let snapshot = try StoreSnapshot(fixture.store, host: Self.hosts[0])
        let charts = try Self.hosts.map { try fixture.store.timeline(of: $0, bucket: .hour, last: .max) }
        let prunedChart = try fixture.store.timeline(of: pruned, bucket: .day, last: .max)
        let (joined, lone, stored) = try DatabaseQueue(path: fixture.path).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM connection WHERE events > 1") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE connection_id IS NULL") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0)
        }
        #expect(joined > 10 && lone > 100)
        let prunedLeft = try DatabaseQueue(path: fixture.path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE source_ip = ?", arguments: [pruned.storeBlob])
        }
        #expect(prunedLeft == 0 && prunedChart.totals.summarizedFlows == 15)

        try DatabaseQueue(path: fixture.path).write { db in
            try rollBackRecordBlocks(db)
            try db.execute(sql: rollbackToVersion22)
            #expect(try !db.tableExists("host_flow_hour"))
        }
        let reports = Mutex<[[Int]]>([])
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled()) { done, total in
            reports.withLock { $0.append([done, total]) }
        }
        #expect(upgraded.upgradedFromVersion == 22)
        // v23's report (the lone records' hours), then v24's (every record moved into blocks again).
        #expect(reports.withLock { $0 } == [[lone, lone], [stored, stored]])
        let after = try rows()
        #expect(after.others == before.others)
        try DatabaseQueue(path: fixture.path).read { db in
            let summarized = try WholeTimeline.summaries(db, host: pruned, width: .hour)
            #expect(after.prunedHours == summarized)
            for host in Self.hosts + [pruned] {
                let (hours, days) = (try WholeTimeline.rows(db, host: host, width: .hour),
                                     try WholeTimeline.rows(db, host: host, width: .day))
                #expect(WholeTimeline.days(of: hours) == days, "host \(host)")
            }
        }
        #expect(after.prunedHours.count < before.prunedHours.count
                && WholeTimeline.days(of: after.prunedHours) == WholeTimeline.days(of: before.prunedHours))
        #expect(try StoreSnapshot(upgraded, host: Self.hosts[0]) == snapshot)
        #expect(try Self.hosts.map { try upgraded.timeline(of: $0, bucket: .hour, last: .max) } == charts)
        #expect(try upgraded.timeline(of: pruned, bucket: .day, last: .max) == prunedChart)
    }

    /// The migration reads the lone records in ranges of event ids: with 7 ids a range, ids a
    /// prune left gaps in and lone records at a range's last id, it makes the rows it makes in one
    /// range (every lone record counted once) and reports once after each range that had some,
    /// how many so far.
    @Test func theMigrationCountsTheLoneRecordsOfEveryRangeOnce() throws {
        let fixture = try StoreFixture()
        let batches = Self.history(seed: 5, count: 200)
        _ = try fixture.store.insert(batches.first, ingestedAt: baseTime)
        _ = try fixture.store.insert(batches.second, ingestedAt: baseTime)
        try fixture.store.setRetentionPolicy(RetentionPolicy(flowDays: 1, closedAlertDays: 180, auditDays: 730), actor: "ana")
        #expect(try fixture.store.prune(at: baseTime + 5 * 86_400, actor: "ana").flows > 0)
        try DatabaseQueue(path: fixture.path).write { db in
            try rollBackRecordBlocks(db)
            try db.execute(sql: rollbackToVersion22)
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM event ORDER BY id")
            let lone = try Int64.fetchAll(db, sql: "SELECT id FROM event WHERE connection_id IS NULL ORDER BY id")
            #expect(ids.count < ids.last ?? 0, "the prune left gaps")
            #expect(lone.count > 50 && lone.contains { $0 % 7 == 0 })
            func migrated(batch: Int64) throws -> (rows: [Row], reports: [[Int]]) {
                let reports = Mutex<[[Int]]>([])
                var rows: [Row] = []
                try db.inSavepoint {
                    try StoreSchema.addHostFlowHours(db, progress: { done, total in
                        reports.withLock { $0.append([done, total]) }
                    }, batch: batch)
                    rows = try Row.fetchAll(db, sql: "SELECT * FROM host_flow_hour ORDER BY host, hour")
                    return .rollback
                }
                return (rows, reports.withLock { $0 })
            }
            let whole = try migrated(batch: StoreSchema.hostFlowHourBatch)
            #expect(whole.reports == [[lone.count, lone.count]])
            let ranges = Set(lone.map { ($0 - 1) / 7 }).sorted()
            let sevens = try migrated(batch: 7)
            #expect(sevens.reports == ranges.map { range in [lone.count { ($0 - 1) / 7 <= range }, lone.count] })
            #expect(sevens.rows == whole.rows)
        }
    }
}
