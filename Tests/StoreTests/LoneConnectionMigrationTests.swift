import Detection
import Foundation
import GRDB
@testable import Store
import Synchronization
import Testing
import TestSupport
import TriageModel

/// Records no other sensor reported keep no `connection` row (v21): what they show, their alerts,
/// their groups and the host's figures are the same with and without one, and a store the
/// previous schema made (a row for every record) is upgraded to the same store.
@Suite("A connection of one record without a connection row (v21)")
struct LoneConnectionMigrationTests {
    typealias Record = ConnectionTests

    /// Connection `index` as the first `sensors` sensors reported it.
    private static func connection(_ index: Int, sensors: Int) -> [IngestedEvent] {
        ConnectionAlertsTests.connection(index, sensors: sensors)
    }

    /// Connections 1…6 seen by 1, 2, 1, 3, 1 and 1 sensors, alerted and triaged.
    private func populated() throws -> StoreFixture {
        let fixture = try StoreFixture()
        let records = [1, 2, 1, 3, 1, 1].enumerated().flatMap { Self.connection($0.offset + 1, sensors: $0.element) }
        let stored = try fixture.store.insert(records, ingestedAt: baseTime)
        #expect(stored.inserted == 9 && stored.newConnections == 6 && stored.joinedConnections == 3)
        try StoreSnapshot.triage(fixture.store, host: Record.host)
        return fixture
    }

    private func connectionRows(_ path: String) throws -> (rows: Int, lone: Int, linked: Int) {
        try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM connection") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE connection_id IS NULL") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE connection_id IS NOT NULL") ?? -1)
        }
    }

    /// The host's flows in its daily timeline (`host_flow_day`, kept by the writer) and in its
    /// hourly one (grouped from its connection rows and lone records as it is read).
    private func flows(_ store: SMBStore) throws -> [Int] {
        try [TimelineBucket.day, .hour].map { try store.wholeTimeline(of: Record.host, bucket: $0).map(\.flows).reduce(0, +) }
    }

    @Test func onlyAConnectionSeenTwiceHasARow() throws {
        let fixture = try populated()
        let counts = try connectionRows(fixture.path)
        #expect(counts.rows == 2 && counts.lone == 4 && counts.linked == 5)
        #expect(try flows(fixture.store) == [6, 6])
        let page = try fixture.store.connectionAlerts(AlertQuery(host: Record.host), offset: 0, limit: 10)
        #expect(page.connections == 6 && page.alerts == 9)
        #expect(page.rows.filter { $0.key == nil }.map(\.sensors) == Array(repeating: ["zeek.connection"], count: 4))
        #expect(page.rows.filter { $0.key == nil }.map(\.bytesSent).sorted() == [2_000, 4_000, 6_000, 7_000])
    }

    @Test func aSecondSensorMakesTheRowOfALoneRecordAndItsAlertJoinsIt() throws {
        let fixture = try populated()
        let lone = try #require(try fixture.store.alerts(AlertQuery(host: Record.host), offset: 0, limit: 100).rows
            .first { $0.flow.event.communityID == "1:connection-5" })
        #expect(lone.connection.key == nil && lone.connection.sensors == ["zeek.connection"])
        let second = Self.connection(5, sensors: 2)[1]
        #expect(try fixture.store.insert([second], ingestedAt: baseTime).joinedConnections == 1)
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        let alerts = try fixture.store.alerts(AlertQuery(host: Record.host), offset: 0, limit: 100).rows
            .filter { $0.flow.event.communityID == "1:connection-5" }
        let key = try #require(alerts.first?.connection.key)
        #expect(alerts.count == 2 && alerts.allSatisfy { $0.connection.key == key })
        #expect(alerts[0].connection.sensors == ["network_traffic.flow", "zeek.connection"])
        let page = try fixture.store.connectionAlerts(AlertQuery(host: Record.host), offset: 0, limit: 10)
        #expect(page.connections == 6 && page.alerts == 10)
        #expect(page.rows.first { $0.key == key }?.bytesSent == 6_001)
        #expect(try flows(fixture.store) == [6, 6])
        let bytesOut = try fixture.store.wholeTimeline(of: Record.host, bucket: .hour).map(\.bytesOut).reduce(0, +)
        #expect(bytesOut == 2_000 + 3_001 + 4_000 + 5_002 + 6_001 + 7_000)
        #expect(try connectionRows(fixture.path).rows == 3)
    }

    /// A client that reuses its port to one server makes many connections of one Community ID:
    /// each second sensor's record joins its own, the one nearest in time, however many there are.
    @Test(arguments: [1, 9, 20]) func aRepeatedCommunityIDJoinsEachRecordToItsConnection(connections: Int) throws {
        let fixture = try StoreFixture()
        func records(_ sensor: String, offset: Double, firstLine: Int) -> [IngestedEvent] {
            (0..<connections).map { index in
                Record.record(sensor, start: Double(index) * 200 + offset, seconds: 50, bytesOut: 1_000,
                              line: firstLine + index, communityID: "1:reused-port")
            }
        }
        #expect(try fixture.store.insert(records("zeek.connection", offset: 0, firstLine: 0), ingestedAt: baseTime)
            .newConnections == connections)
        let second = try fixture.store.insert(records("network_traffic.flow", offset: 0.5, firstLine: 100),
                                              ingestedAt: baseTime)
        #expect(second.inserted == connections && second.joinedConnections == connections)
        #expect(try flows(fixture.store) == [connections, connections])
        #expect(try connectionRows(fixture.path) == (connections, 0, 2 * connections))
    }

    /// Sensors time their records differently (Zeek at the start, Suricata when the flow timed
    /// out, ten minutes after its end): a lone record is found by its start, as a connection row
    /// is, whichever sensor came first.
    @Test(arguments: [true, false]) func aLateStampedRecordJoinsItsConnection(zeekFirst: Bool) throws {
        let fixture = try StoreFixture()
        let zeek = (0..<20).map { index in
            Record.record("zeek.connection", start: Double(index) * 65, seconds: 5, bytesOut: 1_000, line: index,
                          communityID: "1:reused-port")
        }
        let suricata = (0..<20).map { index in
            var record = Record.record("suricata.flow", start: Double(index) * 65 + 0.3, seconds: 5, bytesOut: 1_000,
                                       line: 100 + index, communityID: "1:reused-port")
            record.event.timestamp = record.event.end?.addingTimeInterval(600)
            return record
        }
        try fixture.store.insert(zeekFirst ? zeek : suricata, ingestedAt: baseTime)
        #expect(try fixture.store.insert(zeekFirst ? suricata : zeek, ingestedAt: baseTime).joinedConnections == 20)
        #expect(try connectionRows(fixture.path) == (20, 0, 40))
    }

    /// The same Community ID from the other end (a sensor that reports each direction) is another
    /// host's: however many such records there are, a host's record finds its own connection.
    @Test func recordsOfTheOtherEndNeverHideAHostsConnection() throws {
        let fixture = try StoreFixture()
        let long = Record.record("zeek.connection", start: 0, seconds: 1_000, bytesOut: 9_000, line: 1)
        let otherEnd = (0..<8).map { index in
            var record = Record.record("zeek.connection", start: Double(index) * 100 + 50, seconds: 10, bytesOut: 100,
                                       line: 10 + index)
            (record.event.sourceIPs, record.event.destinationIPs) = (record.event.destinationIPs, record.event.sourceIPs)
            return record
        }
        try fixture.store.insert([long] + otherEnd, ingestedAt: baseTime)
        var second = Record.record("network_traffic.flow", start: 0.5, seconds: 999.5, bytesOut: 9_100, line: 30)
        second.event.timestamp = second.event.end
        #expect(try fixture.store.insert([second], ingestedAt: baseTime).joinedConnections == 1)
    }

    /// A lone record's row in the host's alert list spans what its record says, as a connection
    /// row would: a Zeek record's start and duration, with no end.
    @Test func aLoneRecordsRowSpansItsStartAndDuration() throws {
        let fixture = try StoreFixture()
        var zeek = Record.record("zeek.connection", start: 0, seconds: 30, bytesOut: 900, line: 1)
        zeek.event.end = nil
        zeek.event.durationNanoseconds = 30_000_000_000
        try fixture.store.insert([zeek], ingestedAt: baseTime)
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        let row = try #require(try fixture.store.connectionAlerts(AlertQuery(host: Record.host), offset: 0, limit: 1).rows.first)
        #expect(row.key == nil)
        #expect(row.firstSeen == baseTime && row.lastSeen == baseTime.addingTimeInterval(30))
    }

    @Test func reingestingALoneRecordsPartnerTwiceJoinsOnce() throws {
        let fixture = try populated()
        let second = Self.connection(3, sensors: 2)[1]
        #expect(try fixture.store.insert([second, second], ingestedAt: baseTime) == InsertResult(inserted: 1, duplicates: 1, joinedConnections: 1))
        #expect(try fixture.store.insert([second], ingestedAt: baseTime).duplicates == 1)
        let counts = try connectionRows(fixture.path)
        #expect(counts.rows == 3 && counts.lone == 3 && counts.linked == 7)
        let keys = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 100).rows.map(\.connection)
        #expect(try fixture.store.insert(Self.connection(1, sensors: 1), ingestedAt: baseTime).duplicates == 1,
                "a lone record ingested again is itself, not a second sensor")
        #expect(try connectionRows(fixture.path) == counts)
        #expect(try fixture.store.alerts(AlertQuery(), offset: 0, limit: 100).rows.map(\.connection) == keys)
    }

    /// A connection of two sensors a prune left one record of keeps its row through the upgrade:
    /// its figures are both records' largest, and its sensors both. (To an internal destination,
    /// so that no alert keeps its flows from the prune.)
    @Test func aPartlyPrunedConnectionKeepsItsRowThroughTheUpgrade() throws {
        let fixture = try StoreFixture()
        let records = [Record.record("zeek.connection", start: 0, seconds: 100, bytesOut: 9_000, line: 1),
                       Record.record("network_traffic.flow", start: 50, seconds: 50, bytesOut: 5_000, line: 2)]
            .map { record in
                var toInside = record
                toInside.event.destinationIPs = [IPAddress("10.9.9.9")!]
                return toInside
            }
        #expect(try fixture.store.insert(records, ingestedAt: baseTime).joinedConnections == 1)
        let cutoff = baseTime.addingTimeInterval(Double(try fixture.store.retentionPolicy().flowDays) * 86_400 + 25)
        #expect(try fixture.store.prune(at: cutoff, actor: "ana").flows == 1)
        let row = "SELECT c.bytes_sent, c.sensors, c.events FROM connection c JOIN event e ON e.connection_id = c.id"
        let pruned = try DatabaseQueue(path: fixture.path).read { db in try Row.fetchAll(db, sql: row) }
        #expect(pruned.count == 1 && pruned.first?[0] == 9_000 && pruned.first?[2] == 1)
        try DatabaseQueue(path: fixture.path).write { db in try rollBackToVersion20(db) }
        _ = try SMBStore(path: fixture.path, rules: .bundled())
        #expect(try DatabaseQueue(path: fixture.path).read { db in try Row.fetchAll(db, sql: row) } == pruned)
        #expect(StringList.strings(pruned.first?[1]) == ["network_traffic.flow", "zeek.connection"])
    }

    /// The upgrade reads a row's sensors as `StringList` writes them, its length prefixes counting
    /// UTF-8 bytes: one sensor named in several-byte characters is one sensor, and two sensors
    /// whose names' characters would add up to the first one's bytes are two.
    @Test func theUpgradeCountsARowsSensorsInBytes() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert(Self.connection(1, sensors: 1) + Self.connection(2, sensors: 1), ingestedAt: baseTime)
        try DatabaseQueue(path: fixture.path).write { db in
            try rollBackToVersion20(db)
            try db.execute(sql: "UPDATE connection SET sensors = ? WHERE id = 1", arguments: [StringList.text(["ééé"])])
            try db.execute(sql: "UPDATE connection SET sensors = ? WHERE id = 2", arguments: [StringList.text(["ééé", "x"])])
        }
        _ = try SMBStore(path: fixture.path, rules: .bundled())
        let kept = try DatabaseQueue(path: fixture.path).read { db in try String.fetchAll(db, sql: "SELECT sensors FROM connection") }
        #expect(kept == [StringList.text(["ééé", "x"])])
    }

    /// A store the previous schema made (every record a row) comes back as the store this build
    /// made: the same alerts, groups, history, notes, case and exceptions, and no one-record row.
    @Test func aStoreThePreviousSchemaMadeLosesItsOneRecordRowsAndNothingElse() throws {
        let fixture = try populated()
        let before = try StoreSnapshot(fixture.store, host: Record.host)
        let groups = "SELECT host, connection_key, status, newest, newest_id, first_id, size, risk, notes FROM connection_alert_group ORDER BY 1, 2, 3"
        let groupsBefore = try DatabaseQueue(path: fixture.path).read { db in try Row.fetchAll(db, sql: groups) }
        try DatabaseQueue(path: fixture.path).write { db in try rollBackToVersion20(db) }
        let previous = try connectionRows(fixture.path)
        #expect(previous.rows == 6 && previous.lone == 0, "the previous schema's store has a row for every record")
        let reports = Mutex<[[Int]]>([])
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled()) { done, total in
            reports.withLock { $0.append([done, total]) }
        }
        #expect(upgraded.upgradedFromVersion == 20)
        #expect(reports.withLock { $0 } == [[4, 4], [4, 4], [9, 9]],
                "the records given back their key, of all to do (v21), then their hours counted (v23), then every record moved into blocks (v24)")
        #expect(try StoreSnapshot(upgraded, host: Record.host) == before)
        #expect(try DatabaseQueue(path: fixture.path).read { db in try Row.fetchAll(db, sql: groups) } == groupsBefore)
        let counts = try connectionRows(fixture.path)
        #expect(counts.rows == 2 && counts.lone == 4)
        let triggers = try DatabaseQueue(path: fixture.path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN ('connection_key_on_event_link', 'connection_group_on_alert_row')")
        }
        #expect(triggers.count == 2, "the triggers set aside during the upgrade are back")
        // A migrated lone record is found by its key: a second sensor joins it.
        #expect(try upgraded.insert([Self.connection(6, sensors: 2)[1]], ingestedAt: baseTime).joinedConnections == 1)
    }
}
