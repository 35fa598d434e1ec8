import Detection
import Foundation
import Store
import Testing
import TriageModel

/// A host's alerts one row per connection (`connectionAlerts`): the rows the console's host
/// screen pages through.
@Suite("Alerts grouped by connection")
struct ConnectionAlertsTests {
    typealias Record = ConnectionTests

    /// Connection `index` (its own Community ID, starting `index` × 100 s before `baseTime`) as
    /// seen by the first `sensors` sensors.
    static func connection(_ index: Int, sensors: Int) -> [IngestedEvent] {
        let names = ["zeek.connection", "network_traffic.flow", "panw.panos"]
        return (0..<sensors).map { sensor in
            Record.record(names[sensor], start: Double(-100 * index) + Double(sensor), seconds: 50,
                          bytesOut: Int64(1_000 * (index + 1) + sensor), line: index * 10 + sensor,
                          communityID: "1:connection-\(index)")
        }
    }

    /// A store holding connections 1…4, seen by 1, 3, 2 and 3 sensors, each record alerted.
    private func populated() throws -> StoreFixture {
        let fixture = try StoreFixture()
        let records = Self.connection(1, sensors: 1) + Self.connection(2, sensors: 3) + Self.connection(3, sensors: 2)
            + Self.connection(4, sensors: 3)
        let stored = try fixture.store.insert(records, ingestedAt: baseTime)
        #expect(stored.inserted == 9 && stored.newConnections == 4 && stored.joinedConnections == 5)
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        return fixture
    }

    private let query = AlertQuery(host: Record.host)

    @Test(arguments: 1...3) func oneConnectionSeenByNSensorsIsOneRow(sensors: Int) throws {
        let fixture = try StoreFixture()
        try fixture.store.insert(Array(Record.threeSensors.prefix(sensors)), ingestedAt: baseTime)
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        let page = try fixture.store.connectionAlerts(query, offset: 0, limit: 10)
        #expect(page.connections == 1 && page.alerts == sensors)
        let row = try #require(page.rows.first)
        let alerts = try fixture.store.alerts(query, offset: 0, limit: 10).rows
        #expect(row.alertIDs == alerts.map(\.id).sorted())
        #expect(row.key == alerts.first?.connection.key)
        #expect((row.key == nil) == (sensors == 1), "a record no other sensor reported has no connection row")
        #expect(row.sensors.count == sensors)
        #expect(row.bytesSent == Record.threeSensors.prefix(sensors).compactMap(\.event.sourceBytes).max())
        #expect(row.status == .open && row.statusCounts == [.open: sensors])
        #expect(row.flow.event.destinationIPs == [Record.destination] && row.flow.event.destinationPort == 445)
        #expect(row.firstSeen <= row.lastSeen)
    }

    @Test func pagesCrossConnectionBoundariesInTheListingsOrder() throws {
        let fixture = try populated()
        let whole = try fixture.store.connectionAlerts(query, offset: 0, limit: 100)
        #expect(whole.connections == 4 && whole.alerts == 9)
        #expect(whole.rows.map(\.alertIDs.count) == [1, 3, 2, 3], "newest connection first")
        // The rows are the flat listing's alerts, grouped in the order each connection first appears there.
        let listing = try fixture.store.alerts(query, offset: 0, limit: 100).rows
        var firstAppearance: [Int64] = []
        for alert in listing where !firstAppearance.contains(alert.connectionRowKey) {
            firstAppearance.append(alert.connectionRowKey)
        }
        #expect(whole.rows.map { $0.key ?? -$0.alertIDs[0] } == firstAppearance)
        #expect(Set(whole.rows.flatMap(\.alertIDs)) == Set(listing.map(\.id)))
        for offset in 0...5 {
            let page = try fixture.store.connectionAlerts(query, offset: offset, limit: 2)
            #expect(page.connections == 4 && page.alerts == 9)
            #expect(page.rows == Array(whole.rows.dropFirst(offset).prefix(2)), "offset \(offset)")
        }
    }

    @Test func theStatusFilterKeepsRowsWithAnAlertInThatStatus() throws {
        let fixture = try populated()
        let rows = try fixture.store.connectionAlerts(query, offset: 0, limit: 100).rows
        let acknowledged = rows[1].alertIDs[0]
        try fixture.store.setStatus(.acknowledged, alertIDs: [acknowledged], reason: nil, actor: "ana")
        try fixture.store.setStatus(.closed, alertIDs: rows[3].alertIDs, reason: "duplicate", actor: "ana")

        let all = try fixture.store.connectionAlerts(query, offset: 0, limit: 100)
        #expect(all.rows[1].status == .open, "the most open of its alerts")
        #expect(all.rows[1].statusCounts == [.open: 2, .acknowledged: 1])
        #expect(all.rows[3].status == .closed && all.rows[3].closeReason == "duplicate")

        let open = try fixture.store.connectionAlerts(AlertQuery(status: .open, host: Record.host), offset: 0, limit: 100)
        #expect(open.connections == 3 && open.alerts == 5)
        #expect(open.rows.map(\.alertIDs) == [rows[0].alertIDs, Array(rows[1].alertIDs.dropFirst()), rows[2].alertIDs])
        let ack = try fixture.store.connectionAlerts(AlertQuery(status: .acknowledged, host: Record.host), offset: 0, limit: 100)
        #expect(ack.rows.map(\.alertIDs) == [[acknowledged]] && ack.connections == 1 && ack.alerts == 1)
        let closed = try fixture.store.connectionAlerts(AlertQuery(status: .closed, host: Record.host), offset: 0, limit: 1)
        #expect(closed.rows.map(\.alertIDs) == [rows[3].alertIDs] && closed.alerts == 3)
    }

    @Test func recordsWithoutACommunityIDAreRowsOfTheirOwn() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", at: baseTime - 60, line: 1),
                                  smbEvent("10.0.0.1", "8.8.4.4", at: baseTime - 30, line: 2)], ingestedAt: baseTime)
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        let page = try fixture.store.connectionAlerts(AlertQuery(host: IPAddress("10.0.0.1")!), offset: 0, limit: 10)
        #expect(page.connections == 2 && page.alerts == 2)
        #expect(page.rows.allSatisfy { $0.alertIDs.count == 1 })
    }
}
