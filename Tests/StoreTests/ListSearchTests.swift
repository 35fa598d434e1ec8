import Detection
import Foundation
import Store
import Testing
import TriageModel

/// `/` searches over a whole paged list: the store numbers every row whose searched text holds
/// the needle in the list's own order, the same rows `ListSearch` finds in the whole list read
/// page by page (the text TriageModel defines and the console searches its loaded rows with).
@Suite("Whole-list search in the store")
struct ListSearchTests {
    static let host = IPAddress("10.0.0.7")!
    static let sensors = ["zeek.connection", "network_traffic.flow", "odd%_set", "x' OR 1=1 --\u{1B}[2J"]

    /// 160 connections of one host, a minute apart, to five destinations (one IPv6, one internal),
    /// each seen by one to three sensors (names with `%`, `_`, a quote and an escape among them);
    /// every third row acknowledged, one alert of every fifth closed (mixed rows).
    private func populated() throws -> StoreFixture {
        let fixture = try StoreFixture()
        let destinations = ["81.2.69.160", "2a00:1450::7", "10.9.9.9", "8.8.4.4", "1.1.1.1"].map { IPAddress($0)! }
        var records: [IngestedEvent] = []
        for index in 0..<160 {
            for sensor in 0...(index % 3) {
                let start = baseTime.addingTimeInterval(Double(index * 60 + sensor))
                var event = NetworkEvent(
                    timestamp: start, dataset: Self.sensors[(index + sensor) % 4], categories: ["network"],
                    sourceIPs: [Self.host], sourcePort: 40_000 + index, sourceBytes: 100,
                    destinationIPs: [destinations[index % 5]], destinationPort: index % 7 == 0 ? 139 : 445,
                    destinationBytes: 10, transport: "tcp", communityID: "1:search-\(index)")
                event.start = start
                event.end = start.addingTimeInterval(30)
                event.observerHostName = sensor == 2 ? "PA-\(index % 4)" : nil
                records.append(IngestedEvent(event: event, origin: RecordOrigin(path: "/logs/search", line: records.count + 1,
                                                                               format: "ecs", original: "{\"line\":\(records.count + 1)}")))
            }
        }
        try fixture.store.insert(records, ingestedAt: baseTime)
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        let rows = try fixture.store.connectionAlerts(AlertQuery(host: Self.host), offset: 0, limit: 1_000).rows
        let acknowledged = rows.indices.filter { $0 % 3 == 1 }.flatMap { rows[$0].alertIDs }
        let closed = rows.indices.filter { $0 % 5 == 2 }.map { rows[$0].alertIDs[0] }
        try fixture.store.setStatus(.acknowledged, alertIDs: acknowledged, reason: nil, actor: "tester")
        try fixture.store.setStatus(.closed, alertIDs: closed, reason: "test", actor: "tester")
        return fixture
    }

    /// Needles: addresses whole and in part, a port, sensors, statuses, ids, LIKE's wildcards,
    /// SQL and escape sequences, a needle in another case and one that matches nothing.
    static let needles = [
        "81.2.69.160", "[2a00:1450::7]:445", "2A00:1450", ":139", "10.9.9.9", "network_traffic", "ODD%_SET", "%", "_",
        "' or 1=1 --", "\u{1B}[2J", "open", "acknowledged", "closed", "+2", "pa-3", "zeek.connection@", "no such thing",
    ]

    @Test(arguments: [false, true])
    func historyMatchesAreTheWholeListsInItsOrder(reversed: Bool) throws {
        let fixture = try populated()
        let flows = try fixture.store.history(of: Self.host, reversed: reversed, offset: 0, limit: 10_000).rows
        #expect(flows.count > 300, "several pages of flows")
        for needle in Self.needles {
            let found = try fixture.store.historyPositions(of: Self.host, matching: needle, reversed: reversed)
            #expect(found == ListSearch.positions(of: flows, matching: needle, \.searchedText), "\(needle)")
        }
        let deep = try fixture.store.historyPositions(of: Self.host, matching: "8.8.4.4", reversed: reversed)
        #expect(deep.count == flows.count { $0.event.destinationIPs == [IPAddress("8.8.4.4")!] })
        #expect(deep.contains { $0 >= 200 } && deep.contains { $0 < 50 }, "matches in pages not loaded")
        let wildcard = try fixture.store.historyPositions(of: Self.host, matching: "%", reversed: reversed)
        #expect(!wildcard.isEmpty && wildcard.count < flows.count, "% is literal")
        #expect(try fixture.store.historyPositions(of: Self.host, matching: "", reversed: reversed).isEmpty)
    }

    @Test func aReversedHistoryNumbersTheSameFlowsFromTheOtherEnd() throws {
        let fixture = try populated()
        let count = try fixture.store.history(of: Self.host, offset: 0, limit: 1).total
        let forward = try fixture.store.historyPositions(of: Self.host, matching: "81.2.69.160", reversed: false)
        let backward = try fixture.store.historyPositions(of: Self.host, matching: "81.2.69.160", reversed: true)
        #expect(!forward.isEmpty && backward == forward.map { count - 1 - $0 }.reversed())
    }

    @Test(arguments: [nil, AlertStatus.open, .acknowledged, .closed], [false, true])
    func connectionMatchesAreTheWholeListsWithItsFilter(status: AlertStatus?, reversed: Bool) throws {
        let fixture = try populated()
        // A host's list walks its kept groups; with a destination it groups on each read.
        for query in [AlertQuery(status: status, host: Self.host),
                      AlertQuery(status: status, host: Self.host, destination: IPAddress("2a00:1450::7")!)] {
            let rows = try fixture.store.connectionAlerts(query, reversed: reversed, offset: 0, limit: 10_000).rows
            #expect(rows.count > (query.destination == nil ? 20 : 3), "\(query)")
            for needle in Self.needles + rows.suffix(3).map(\.idText) {
                let found = try fixture.store.connectionPositions(query, matching: needle, reversed: reversed)
                #expect(found == ListSearch.positions(of: rows, matching: needle, \.searchedText), "\(query) \(needle)")
            }
        }
    }

    @Test func connectionMatchesReachRowsBeyondTheFirstPage() throws {
        let fixture = try populated()
        let query = AlertQuery(host: Self.host)
        let rows = try fixture.store.connectionAlerts(query, offset: 0, limit: 10_000).rows
        let found = try fixture.store.connectionPositions(query, matching: "1.1.1.1", reversed: false)
        #expect(found.count == rows.count { $0.flow.event.destinationIPs == [IPAddress("1.1.1.1")!] })
        #expect(found.contains { $0 >= 60 } && found.contains { $0 < 50 })
        let mixed = try fixture.store.connectionPositions(query, matching: "closed", reversed: false)
        #expect(mixed.allSatisfy { rows[$0].status == .closed || rows[$0].reason.contains("closed") })
        #expect(try fixture.store.connectionPositions(query, matching: "", reversed: false).isEmpty)
    }

    @Test func aReversedConnectionListNumbersTheSameRowsFromTheOtherEnd() throws {
        let fixture = try populated()
        let query = AlertQuery(host: Self.host)
        let count = try fixture.store.connectionAlerts(query, offset: 0, limit: 1).connections
        let forward = try fixture.store.connectionPositions(query, matching: "1.1.1.1", reversed: false)
        let backward = try fixture.store.connectionPositions(query, matching: "1.1.1.1", reversed: true)
        #expect(!forward.isEmpty && backward == forward.map { count - 1 - $0 }.reversed())
    }
}
