import BundledRules
import Detection
import Foundation
import GRDB
import Store
import Testing
import TriageModel

/// One connection reported by several sensors is counted once: one flow, the largest bytes any
/// sensor reported, every sensor named; records of one Community ID farther apart are separate.
@Suite("Connections across sensors")
struct ConnectionTests {
    static let host = IPAddress("10.0.0.7")!
    static let destination = IPAddress("81.2.69.160")!
    static let communityID = "1:LQU9qZlK+B5F3KDmev6m5PMibrg="

    /// One sensor's record of the connection 10.0.0.7:50100 → 81.2.69.160:445.
    static func record(_ sensor: String, observer: String? = nil, start: TimeInterval, seconds: TimeInterval,
                       bytesOut: Int64, bytesIn: Int64 = 500, line: Int,
                       communityID: String = communityID) -> IngestedEvent {
        var event = NetworkEvent(
            timestamp: baseTime.addingTimeInterval(start), dataset: sensor, categories: ["network"],
            sourceIPs: [host], sourcePort: 50100, sourceBytes: bytesOut, destinationIPs: [destination],
            destinationPort: 445, destinationBytes: bytesIn, transport: "tcp", communityID: communityID)
        event.start = baseTime.addingTimeInterval(start)
        event.end = baseTime.addingTimeInterval(start + seconds)
        event.observerHostName = observer
        return IngestedEvent(event: event, origin: RecordOrigin(path: "/logs/\(sensor)", line: line, format: "ecs",
                                                               original: "{\"line\":\(line)}"))
    }

    static let threeSensors = [
        record("zeek.connection", start: 0, seconds: 100, bytesOut: 1_000_000, line: 1),
        record("network_traffic.flow", start: 0.4, seconds: 99.8, bytesOut: 1_000_400, line: 2),
        record("panw.panos", observer: "PA-3220", start: -1, seconds: 102, bytesOut: 999_000, line: 3),
    ]

    private func destinationRow(_ store: SMBStore) throws -> DestinationSummary {
        try #require(try store.destinations(of: Self.host).first)
    }

    private func host(_ store: SMBStore) throws -> HostSummary {
        try #require(try store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 5).rows.first)
    }

    @Test(arguments: 1...3) func oneConnectionSeenByNSensorsCountsOnceAtTheLargestBytes(sensors: Int) throws {
        let fixture = try StoreFixture()
        let records = Array(Self.threeSensors.prefix(sensors))
        #expect(try fixture.store.insert(records, ingestedAt: baseTime).inserted == sensors)
        let pair = try destinationRow(fixture.store)
        #expect(pair.connections == 1)
        let largest = records.compactMap(\.event.sourceBytes).max()!
        #expect(pair.bytesSent == largest)
        #expect(try host(fixture.store).bytesOut == largest)
        #expect(try fixture.store.wholeTimeline(of: Self.host, bucket: .day).map(\.flows) == [1])
        #expect(try fixture.store.wholeTimeline(of: Self.host, bucket: .day).map(\.bytesOut) == [largest])

        // Elastic's semantics stay: one alert per record, all on one connection key.
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        let alerts = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10).rows
        #expect(alerts.count == sensors)
        #expect(Set(alerts.map(\.connection.key)).count == 1)
        #expect(alerts.first?.connection.sensors == records.map(\.event.sensorName).sorted())
        // One alert of each status (as many as there are): the statuses read are each alert's own.
        let ids = alerts.map(\.id).sorted()
        if ids.count > 1 { try fixture.store.setStatus(.acknowledged, alertIDs: [ids[1]], reason: nil, actor: "ana") }
        if ids.count > 2 { try fixture.store.setStatus(.closed, alertIDs: [ids[2]], reason: "benign", actor: "ana") }
        let expected = Dictionary(uniqueKeysWithValues: zip(ids, [AlertStatus.open, .acknowledged, .closed]))
        #expect(try fixture.store.alertStatuses(sharingConnectionWith: [ids[0]]) == expected)
        #expect(try fixture.store.alertStatuses(sharingConnectionWith: [ids[ids.count - 1]]) == expected)
    }

    @Test func aSecondSensorsRecordInALaterBatchAddsOnlyWhatItReportedAbove() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([Self.threeSensors[0]], ingestedAt: baseTime)
        try fixture.store.insert([Self.record("network_traffic.flow", start: 1, seconds: 99, bytesOut: 1_500_000, line: 2)],
                                 ingestedAt: baseTime)
        try fixture.store.insert([Self.record("suricata.eve", start: 0, seconds: 100, bytesOut: 800_000, line: 3)],
                                 ingestedAt: baseTime)
        #expect(try destinationRow(fixture.store).connections == 1)
        #expect(try destinationRow(fixture.store).bytesSent == 1_500_000)
        #expect(try host(fixture.store).bytesOut == 1_500_000)
    }

    @Test func partlyOverlappingSpansAreOneConnectionAndDistantOnesTwo() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([
            Self.record("zeek.connection", start: 0, seconds: 100, bytesOut: 1_000, line: 1),
            // Starts 90 s later, beyond the tolerance, but while the first span still runs.
            Self.record("network_traffic.flow", start: 90, seconds: 110, bytesOut: 2_000, line: 2),
            // Ends before, starts 45 s earlier: within the tolerance.
            Self.record("panw.panos", start: -45, seconds: 1, bytesOut: 500, line: 3),
            // The 5-tuple again 100 s after the merged span ended, 290 s after it started: another connection.
            Self.record("zeek.connection", start: 300, seconds: 10, bytesOut: 700, line: 4),
            // An instant record 61 s after that one started: outside the tolerance, no overlap.
            Self.record("suricata.eve", start: 371, seconds: 0, bytesOut: 300, line: 5),
        ], ingestedAt: baseTime)
        #expect(try destinationRow(fixture.store).connections == 3)
        #expect(try destinationRow(fixture.store).bytesSent == 2_000 + 700 + 300)
    }

    @Test func anotherCommunityIDOrAnotherHostIsAnotherConnection() throws {
        let fixture = try StoreFixture()
        var reversed = Self.record("zeek.connection", start: 0, seconds: 100, bytesOut: 1_000, line: 2)
        reversed.event.sourceIPs = [Self.destination]
        reversed.event.destinationIPs = [Self.host]
        try fixture.store.insert([
            Self.record("zeek.connection", start: 0, seconds: 100, bytesOut: 1_000, line: 1),
            Self.record("network_traffic.flow", start: 0, seconds: 100, bytesOut: 1_000, line: 3, communityID: "1:other="),
            reversed,
        ], ingestedAt: baseTime)
        #expect(try destinationRow(fixture.store).connections == 2)
    }

    /// The alerts of the three sensors' records of one connection, ascending.
    static func threeAlertsOfOneConnection(_ store: SMBStore) throws -> [Int64] {
        try store.insert(threeSensors, ingestedAt: baseTime)
        _ = try store.detectUntilNothingPending(at: baseTime)
        let ids = try store.alerts(AlertQuery(), offset: 0, limit: 10).rows.map(\.id).sorted()
        try #require(ids.count == 3)
        return ids
    }

    /// The store decides what a status change writes from the statuses it reads in the write's
    /// transaction: the caller's reading may be stale (another analyst, an exception import, the CLI).
    @Test func aStatusChangeDecidesFromTheStatusesStoredWhenItWrites() throws {
        let fixture = try StoreFixture()
        let ids = try Self.threeAlertsOfOneConnection(fixture.store)
        // Read by the console while all were open; then another writer closes the third.
        #expect(try fixture.store.alertStatuses(sharingConnectionWith: [ids[0]]).values.allSatisfy { $0 == .open })
        try fixture.store.setStatus(.closed, alertIDs: [ids[2]], reason: "benign", actor: "bo")

        let change = try fixture.store.setStatus(.acknowledged, named: [ids[0]], comingAlong: [ids[1], ids[2]], reason: nil,
                                                 actor: "ana")
        #expect(change.written == [ids[0], ids[1]])
        #expect(change.held == [ids[2]])
        #expect(try ids.map { try fixture.store.alert(id: $0)?.status } == [.acknowledged, .acknowledged, .closed])
        #expect(try fixture.store.alert(id: ids[2])?.closeReason == "benign")

        let again = try fixture.store.setStatus(.acknowledged, named: [ids[0]], comingAlong: [ids[1], ids[2], 9_999], reason: nil,
                                                actor: "ana")
        #expect(again.written.isEmpty && again.unchanged == [ids[0], ids[1]] && again.held == [ids[2]], "an unknown id is left out")
    }

    /// A status this build does not know (written by a newer one) is no status to move forward from.
    @Test func anAlertInAnUnknownStatusNeverComesAlong() throws {
        let fixture = try StoreFixture()
        let ids = try Self.threeAlertsOfOneConnection(fixture.store)
        let database = try DatabaseQueue(path: fixture.path)
        try database.write { db in try db.execute(sql: "UPDATE alert SET status = 'escalated' WHERE id = ?", arguments: [ids[1]]) }

        #expect(try fixture.store.alertStatuses(sharingConnectionWith: [ids[0]]) == [ids[0]: .open, ids[2]: .open])
        let change = try fixture.store.setStatus(.acknowledged, named: [ids[0]], comingAlong: [ids[1], ids[2]], reason: nil,
                                                 actor: "ana")
        #expect(change.written == [ids[0], ids[2]])
        #expect(try database.read { db in try String.fetchOne(db, sql: "SELECT status FROM alert WHERE id = ?", arguments: [ids[1]]) }
                    == "escalated")
    }

    @Test func reingestingEveryRecordChangesNothing() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert(Self.threeSensors, ingestedAt: baseTime)
        let hosts = try fixture.store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 5)
        let destinations = try fixture.store.destinations(of: Self.host)
        #expect(try fixture.store.insert(Self.threeSensors.reversed(), ingestedAt: baseTime).duplicates == 3)
        #expect(try fixture.store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 5) == hosts)
        #expect(try fixture.store.destinations(of: Self.host) == destinations)
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        #expect(try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10).rows.first?.connection.sensors.count == 3)
    }

    @Test func pruningSummarizesAConnectionOnceWithItsLargestBytes() throws {
        let fixture = try StoreFixture()
        // To a file server: no alert keeps the records from going.
        let records = Self.threeSensors.map { record -> IngestedEvent in
            var record = record
            record.event.destinationIPs = [IPAddress("10.1.1.1")!]
            return record
        }
        try fixture.store.insert(records, ingestedAt: baseTime)
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        let report = try fixture.store.prune(at: baseTime.addingTimeInterval(40 * 86400), actor: "test")
        #expect(report.flows == 3)
        let timeline = try fixture.store.wholeTimeline(of: Self.host, bucket: .day)
        #expect(timeline.map(\.flows) == [1])
        #expect(timeline.map(\.summarizedFlows) == [1])
        let summaries = try fixture.store.flowSummaries(of: Self.host)
        #expect(summaries.map(\.flows) == [1])
        #expect(summaries.map(\.bytesSent) == [1_000_400])
        #expect(try destinationRow(fixture.store).connections == 1)
    }

    @Test func aVersion6StoreGetsItsConnectionsAndLosesNothing() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert(Self.threeSensors + [smbEvent("10.0.0.8", "8.8.8.8", line: 9)], ingestedAt: baseTime)
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        let alertIDs = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10).rows.map(\.id).sorted()
        try fixture.store.setStatus(.acknowledged, alertIDs: [alertIDs[0]], reason: nil, actor: "ana")
        _ = try fixture.store.addNote(alertID: alertIDs[1], text: "three sensors", actor: "ana")
        try DatabaseQueue(path: fixture.path).write { db in
            try rollBack(db, rollbackToVersion6)
            try db.execute(sql: countAsVersion6)
        }
        // What version 6 showed: every sensor's record its own flow with its own bytes.
        let version6Connections = try DatabaseQueue(path: fixture.path).read { db in
            try Int.fetchOne(db, sql: "SELECT max(connections) FROM host_destination")
        }
        #expect(version6Connections == 3)

        let upgraded = try SMBStore(path: fixture.path, rules: .bundled())
        #expect(try destinationRow(upgraded).connections == 1)
        #expect(try destinationRow(upgraded).bytesSent == 1_000_400)
        #expect(try host(upgraded).bytesOut == 1_000_400)
        #expect(try host(upgraded).acknowledgedAlerts == 1)
        let alerts = try upgraded.alerts(AlertQuery(), offset: 0, limit: 10).rows
        #expect(alerts.map(\.id).sorted() == alertIDs)
        #expect(try upgraded.notes(alertID: alertIDs[1]).map(\.text) == ["three sensors"])
        let connection = try #require(alerts.first { $0.flow.event.destinationIPs == [Self.destination] }?.connection)
        #expect(connection.sensors == Self.threeSensors.map(\.event.sensorName).sorted())
        #expect(try upgraded.alertStatuses(sharingConnectionWith: [alertIDs[0]]).count == 3)
        // A fourth sensor's record after the upgrade joins the backfilled connection.
        try upgraded.insert([Self.record("suricata.eve", start: 2, seconds: 90, bytesOut: 1_200_000, line: 7)],
                            ingestedAt: baseTime)
        #expect(try destinationRow(upgraded).connections == 1)
        #expect(try host(upgraded).bytesOut == 1_200_000)
    }
}
