import Detection
import Foundation
import GRDB
@testable import Store
import TestSupport
import Testing
import TriageModel

/// The history chart's read of a host's last buckets (`SMBStore.timeline(of:bucket:last:)`), which
/// reads its records newest first down to the window, is the end of its whole timeline grouped
/// from every stored connection and summary (`WholeTimeline`), whatever the history: flows of
/// one sensor and of several, long ones, reports stamped after their flows, records claiming a
/// start after their own time, pruned flows; and its totals are the whole daily timeline's.
@Suite("A host's last timeline buckets, read for the chart")
struct TimelineWindowTests {
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

    /// Every host's window of each size against the end of its whole timeline; its totals against
    /// the whole daily timeline's, and its flows, bytes and pruned flows against the whole hourly
    /// one's (a flow's summary is on its record's day, which can be a day after its start's, so
    /// the pruned flows are totalled over the history, not day by day).
    static func expectWindowsAreTheLastBuckets(_ store: SMBStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for host in hosts {
            let whole = try store.read { db in try WholeTimeline.scan(db, host: host, width: hour) }
            let days = try store.timeline(of: host, bucket: .day, last: .max)
            #expect(!whole.isEmpty, sourceLocation: sourceLocation)
            let hourly = TimelineTotals(summing: whole)
            #expect(hourly.flows == days.totals.flows && hourly.externalFlows == days.totals.externalFlows,
                    "host \(host)", sourceLocation: sourceLocation)
            #expect(hourly.bytesOut == days.totals.bytesOut && hourly.summarizedFlows == days.totals.summarizedFlows,
                    "host \(host)", sourceLocation: sourceLocation)
            for count in counts {
                let window = try store.timeline(of: host, bucket: .hour, last: count)
                #expect(window.points == HostTimeline.last(count, of: whole, bucket: .hour),
                        "host \(host), last \(count)", sourceLocation: sourceLocation)
                #expect(window.totals == days.totals, "host \(host), last \(count)", sourceLocation: sourceLocation)
                #expect(window.points.count <= count, sourceLocation: sourceLocation)
            }
            #expect(try store.timeline(of: host, bucket: .hour, last: 0).points.isEmpty, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func theWindowIsTheEndOfTheWholeTimeline(seed: UInt64) throws {
        let fixture = try StoreFixture()
        let batches = Self.history(seed: seed, count: 400)
        _ = try fixture.store.insert(batches.first, ingestedAt: baseTime)
        _ = try fixture.store.insert(batches.second, ingestedAt: baseTime)
        let shape = try fixture.store.read { db in
            (joined: try Int.fetchOne(db, sql: "SELECT count(*) FROM connection WHERE events > 1") ?? 0,
             startingLater: try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE lone_start > seen_at") ?? 0)
        }
        #expect(shape.joined > 10 && shape.startingLater > 10)
        try Self.expectWindowsAreTheLastBuckets(fixture.store)

        try fixture.store.setRetentionPolicy(RetentionPolicy(flowDays: 1, closedAlertDays: 180, auditDays: 730), actor: "ana")
        #expect(try fixture.store.prune(at: baseTime + 5 * 86_400, actor: "ana").flows > 0)
        let lastHost = try fixture.store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE source_ip = ?", arguments: [Self.hosts[3].storeBlob])
        }
        #expect(lastHost == 0)
        let pruned = try fixture.store.timeline(of: Self.hosts[3], bucket: .hour, last: 1).totals
        #expect(pruned.flows > 0 && pruned.summarizedFlows == pruned.flows)
        try Self.expectWindowsAreTheLastBuckets(fixture.store)
    }
}
