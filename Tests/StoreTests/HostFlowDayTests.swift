import Detection
import Foundation
import GRDB
@testable import Store
import TestSupport
import Testing
import TriageModel

/// The daily timeline read from `host_flow_day`, which the writer keeps from its batch
/// aggregates, is the timeline grouped from the stored connections: after every kind of write
/// (new connections, records of other sensors joining one and moving its start to the day
/// before or raising its bytes, Packetbeat reports replacing earlier ones, re-ingested records),
/// unchanged by a prune, and after the v16 migration.
@Suite("A host's daily timeline from per-day rows")
struct HostFlowDayTests {
    static let hosts = (1...4).map { IPAddress("10.0.0.\($0)")! } + [IPAddress("10.0.0.5")!]
    static let day = TimeInterval(86_400)
    /// The first UTC midnight after `baseTime`.
    static let midnight = Date(timeIntervalSinceReferenceDate: (baseTime.timeIntervalSinceReferenceDate / day).rounded(.up) * day)

    /// `count` records over 40 days from `baseTime` for the first four hosts: Zeek flows of their
    /// own, and records of three sensors sharing eight Community IDs per host (spans within
    /// minutes of a midnight, so a joining record may move its connection to the day before), to
    /// external and internal destinations; the fifth host sends cumulative Packetbeat reports.
    static func records(count: Int, seed: UInt64, firstLine: Int) -> [IngestedEvent] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { offset in
            let line = firstLine + offset
            let host = hosts[random.next(below: 4)]
            let destination = random.next(below: 3) == 0 ? "192.168.7.9" : "8.8.\(random.next(below: 3)).8"
            let time = baseTime + Double(random.next(below: 40)) * day + Double(random.next(below: 7_200)) - 3_600
            let bytes = Int64(random.next(below: 1_000_000))
            switch random.next(below: 3) {
            case 0:
                return smbEvent("\(host)", destination, at: time, bytesOut: bytes, line: line)
            case 1:
                let flow = random.next(below: 6)
                return packetbeatReport(flowID: "F\(flow)", at: baseTime + Double(flow * 7) * day + Double(line),
                                        bytesOut: bytes, isFinal: random.next(below: 4) == 0, line: line)
            default:
                let sensor = ["zeek.connection", "network_traffic.flow", "panw.panos"][random.next(below: 3)]
                let flow = random.next(below: 8)
                // Within ten minutes of the midnight starting the flow's day: the sensors' spans overlap.
                let start = midnight + Double(flow * 5) * day + Double(random.next(below: 600)) - 300
                var event = NetworkEvent(
                    timestamp: start, dataset: sensor, categories: ["network"], sourceIPs: [host], sourcePort: 50100,
                    sourceBytes: bytes, destinationIPs: [IPAddress(destination)!], destinationPort: 445,
                    destinationBytes: 10, transport: "tcp", communityID: "1:\(host)-\(flow)")
                event.start = start
                event.end = start + Double(random.next(below: 600))
                return IngestedEvent(event: event, origin: RecordOrigin(path: "/logs/\(sensor)", line: line, format: "ecs",
                                                                       original: "{\"line\":\(line)}"))
            }
        }
    }

    /// Every host's `host_flow_day` rows against its flows grouped by day from its connections, its
    /// daily timeline as read against the one of those flows, and its flows against the host's
    /// count of connections.
    static func expectTimelinesAgree(_ store: SMBStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let flows = try store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100).rows
        #expect(Set(flows.map(\.address)) == Set(hosts), sourceLocation: sourceLocation)
        for host in hosts {
            let (rows, scanned, whole, hostFlows) = try store.read { db in
                let scanned = try WholeTimeline.flows(db, host: host, width: .day)
                return (try WholeTimeline.rows(db, host: host, width: .day), scanned,
                        try WholeTimeline.chart(db, host: host, width: .day, flows: scanned),
                        try Int.fetchOne(db, sql: "SELECT flows FROM host WHERE address = ?", arguments: [host.storeBlob]))
            }
            #expect(rows == scanned, "host \(host)", sourceLocation: sourceLocation)
            let daily = try store.wholeTimeline(of: host, bucket: .day)
            #expect(daily == whole, "host \(host)", sourceLocation: sourceLocation)
            #expect(daily.map(\.flows).reduce(0, +) == hostFlows, "host \(host)", sourceLocation: sourceLocation)
        }
    }

    /// Flows, bytes and external flows of every day: what a prune must leave as it was.
    static func counts(_ store: SMBStore) throws -> [[[Int64]]] {
        try hosts.map { host in
            try store.wholeTimeline(of: host, bucket: .day).map {
                [Int64($0.start.timeIntervalSinceReferenceDate), Int64($0.flows), $0.bytesOut, Int64($0.externalFlows)]
            }
        }
    }

    @Test func theDailyRowsFollowEveryWriteAndOutlastAPrune() throws {
        let fixture = try StoreFixture()
        var batches = (0..<6).map { Self.records(count: 150, seed: UInt64($0), firstLine: $0 * 1_000) }
        batches.append(batches[2])  // re-ingested: nothing changes
        for batch in batches {
            _ = try fixture.store.insert(batch, ingestedAt: baseTime)
            try Self.expectTimelinesAgree(fixture.store)
        }
        let joined = try fixture.store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM connection WHERE events > 1") ?? 0
        }
        #expect(joined > 20)
        #expect(try fixture.store.wholeTimeline(of: Self.hosts[0], bucket: .day).count > 30)
        let before = try Self.counts(fixture.store)
        let pruned = try fixture.store.prune(at: baseTime + 50 * Self.day, actor: "ana").flows
        #expect(pruned > 0)
        #expect(try Self.counts(fixture.store) == before)
        #expect(try fixture.store.wholeTimeline(of: Self.hosts[0], bucket: .day).contains { $0.summarizedFlows > 0 })
    }

    @Test func theMigrationCountsTheFlowsOfAStoreThePreviousSchemaMade() throws {
        let fixture = try StoreFixture()
        _ = try fixture.store.insert(Self.records(count: 400, seed: 9, firstLine: 0), ingestedAt: baseTime)
        let before = try Self.hosts.map { try fixture.store.wholeTimeline(of: $0, bucket: .day) }
        let hosts = try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100).rows
        try DatabaseQueue(path: fixture.path).write { db in
            try rollBackToVersion17(db)
            try db.execute(sql: rollbackToVersion15)
            #expect(try !db.tableExists("host_flow_day"))
        }
        let store = try fixture.store(running: .bundled())
        #expect(try Self.hosts.map { try store.wholeTimeline(of: $0, bucket: .day) } == before)
        #expect(try store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100).rows == hosts)
        try Self.expectTimelinesAgree(store)
        _ = try store.insert(Self.records(count: 200, seed: 10, firstLine: 5_000), ingestedAt: baseTime)
        try Self.expectTimelinesAgree(store)
    }
}
