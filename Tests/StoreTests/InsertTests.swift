import Detection
import Foundation
import GRDB
import Store
import Testing
import TriageModel

@Suite("Storing events")
struct InsertTests {
    @Test func reingestingTheSameRecordsIsANoOp() throws {
        let fixture = try StoreFixture()
        let events = (0..<20).map { smbEvent("10.0.0.\($0 % 3 + 1)", "8.8.\($0 % 5).8", line: $0) }
        #expect(try fixture.store.insert(events, ingestedAt: baseTime) == InsertResult(inserted: 20))
        let firstAlerts = try fixture.store.detectUntilNothingPending(at: baseTime)
        #expect(firstAlerts.map(\.alerted) == [20])
        let hostsBefore = try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10)

        #expect(try fixture.store.insert(events, ingestedAt: baseTime) == InsertResult(duplicates: 20))
        let second = try fixture.store.detectUntilNothingPending(at: baseTime)
        #expect(second.map(\.alerted) == [0])
        #expect(try fixture.store.alerts(AlertQuery(), offset: 0, limit: 100).total == 20)
        #expect(try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10) == hostsBefore)
        let history = try fixture.store.history(of: IPAddress("10.0.0.1")!, offset: 0, limit: 100)
        #expect(history.total == 7)
    }

    @Test func storedEventsReadBackUnchanged() throws {
        let fixture = try StoreFixture()
        var ingested = smbEvent("192.168.1.20", "20.60.1.2", port: 139, line: 7, hostName: "ws-20")
        ingested.event.sourceIPs.append(IPAddress("2001:db8::1")!)
        ingested.event.categories = ["network", "with \"quotes\", \u{1F} separators and 3:colons", "ünïcödé"]
        ingested.event.start = baseTime.addingTimeInterval(-1.234567)
        ingested.event.durationNanoseconds = 1_234_567_000
        ingested.event.processExecutable = #"C:\Windows\System32\svchost.exe"#
        ingested.event.processID = 4
        ingested.event.userName = "SYSTEM"
        ingested.event.isFinalReport = nil
        ingested.event.communityID = "1:abc="
        try fixture.store.insert([ingested], ingestedAt: baseTime.addingTimeInterval(60))
        let flow = try #require(try fixture.store.history(of: IPAddress("192.168.1.20")!, offset: 0, limit: 1).rows.first)
        #expect(flow.event == ingested.event)
        #expect(flow.origin == ingested.origin)
        #expect(flow.ingestedAt == baseTime.addingTimeInterval(60))
        #expect(flow.isFirstSeenDestination)
    }

    @Test func emptyTextStaysEmptyRatherThanMissing() throws {
        let fixture = try StoreFixture()
        var ingested = smbEvent("192.168.1.21", "20.60.1.2", line: 1)
        ingested.event.userDomain = ""
        ingested.event.connectionState = ""
        ingested.origin.path = ""
        try fixture.store.insert([ingested], ingestedAt: baseTime)
        let flow = try #require(try fixture.store.history(of: IPAddress("192.168.1.21")!, offset: 0, limit: 1).rows.first)
        #expect(flow.event.userDomain == "")
        #expect(flow.event.connectionState == "")
        #expect(flow.event.processExecutable == nil)
        #expect(flow.origin.path == "")
    }

    @Test func aLaterPacketbeatReportReplacesTheEarlierOne() throws {
        let fixture = try StoreFixture()
        let reports = [
            packetbeatReport(flowID: "AQ", at: baseTime, bytesOut: 100, isFinal: false, line: 1),
            packetbeatReport(flowID: "AQ", at: baseTime.addingTimeInterval(10), bytesOut: 300, isFinal: false, line: 2),
        ]
        #expect(try fixture.store.insert(reports, ingestedAt: baseTime) == InsertResult(inserted: 1, updated: 1))
        let final = packetbeatReport(flowID: "AQ", at: baseTime.addingTimeInterval(20), bytesOut: 500, isFinal: true,
                                     line: 3)
        #expect(try fixture.store.insert([final], ingestedAt: baseTime) == InsertResult(updated: 1))
        // Re-reading the whole file, or a stale report arriving late, changes nothing.
        #expect(try fixture.store.insert(reports + [final], ingestedAt: baseTime) == InsertResult(duplicates: 3))

        let host = IPAddress("10.0.0.5")!
        let history = try fixture.store.history(of: host, offset: 0, limit: 10)
        #expect(history.total == 1)
        #expect(history.rows.first?.event.sourceBytes == 500)
        #expect(history.rows.first?.event.isFinalReport == true)
        let summary = try #require(try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 1).rows.first)
        #expect(summary.bytesOut == 500)
        let destination = try #require(try fixture.store.destinations(of: host).first)
        #expect(destination.connections == 1)
        #expect(destination.bytesSent == 500)
        #expect(destination.bytesReceived == 250)
    }

    @Test func anOlderIntermediateReportArrivingLateDoesNotReplaceANewerOne() throws {
        let fixture = try StoreFixture()
        let newer = packetbeatReport(flowID: "BB", at: baseTime.addingTimeInterval(10), bytesOut: 300, isFinal: false, line: 2)
        let older = packetbeatReport(flowID: "BB", at: baseTime, bytesOut: 100, isFinal: false, line: 1)
        #expect(try fixture.store.insert([newer, older], ingestedAt: baseTime) == InsertResult(inserted: 1, duplicates: 1))
        let flows = try fixture.store.history(of: IPAddress("10.0.0.5")!, offset: 0, limit: 10)
        #expect(flows.rows.map(\.event.sourceBytes) == [300])
    }

    @Test func aFinalReportEndsAFlowSoTheSameFlowIDLaterIsANewFlow() throws {
        let fixture = try StoreFixture()
        let first = packetbeatReport(flowID: "CC", at: baseTime, bytesOut: 100, isFinal: true, line: 1)
        let reused = packetbeatReport(flowID: "CC", at: baseTime.addingTimeInterval(3600), bytesOut: 70,
                                      isFinal: false, line: 2)
        #expect(try fixture.store.insert([first, reused], ingestedAt: baseTime) == InsertResult(inserted: 2))
        // The ended flow's final report is stored, the reused flow ID is open: re-reading both
        // neither replaces the open report with the final one nor stores either twice.
        #expect(try fixture.store.insert([first, reused], ingestedAt: baseTime) == InsertResult(duplicates: 2))
        let flows = try fixture.store.history(of: IPAddress("10.0.0.5")!, offset: 0, limit: 10)
        #expect(flows.rows.compactMap(\.event.sourceBytes).sorted() == [70, 100])
    }

    @Test func onlyAnOpenReportKeepsTheFlowKeyItIsLookedUpBy() throws {
        let fixture = try StoreFixture()
        let reports = [packetbeatReport(flowID: "DD", at: baseTime, bytesOut: 100, isFinal: true, line: 1),
                       packetbeatReport(flowID: "EE", at: baseTime, bytesOut: 100, isFinal: false, line: 2)]
        try fixture.store.insert(reports, ingestedAt: baseTime)
        let keys = try DatabaseQueue(path: fixture.path).read { db in
            try String?.fetchAll(db, sql: "SELECT flow_key FROM event ORDER BY origin_line")
        }
        #expect(keys == [nil, "20:network_traffic.flowEE"])
    }

    @Test func aFinalReportReplacingAnOpenOneDropsItsFlowKey() throws {
        let fixture = try StoreFixture()
        let open = packetbeatReport(flowID: "FF", at: baseTime, bytesOut: 100, isFinal: false, line: 1)
        let final = packetbeatReport(flowID: "FF", at: baseTime.addingTimeInterval(60), bytesOut: 150, isFinal: true, line: 2)
        #expect(try fixture.store.insert([open], ingestedAt: baseTime) == InsertResult(inserted: 1))
        #expect(try fixture.store.insert([final], ingestedAt: baseTime) == InsertResult(updated: 1))
        let keys = try DatabaseQueue(path: fixture.path).read { db in
            try String?.fetchAll(db, sql: "SELECT flow_key FROM event")
        }
        #expect(keys == [nil])
        // The flow ended: a new report of the same flow id starts a new flow instead of replacing it.
        let reused = packetbeatReport(flowID: "FF", at: baseTime.addingTimeInterval(3600), bytesOut: 10, isFinal: false, line: 3)
        #expect(try fixture.store.insert([reused], ingestedAt: baseTime) == InsertResult(inserted: 1))
    }

    @Test func aFlowOpenedAfterFinalReportsAloneIsStillReplacedInTheSameBatch() throws {
        let fixture = try StoreFixture()
        let ended = packetbeatReport(flowID: "GG", at: baseTime, bytesOut: 100, isFinal: true, line: 1)
        #expect(try fixture.store.insert([ended], ingestedAt: baseTime) == InsertResult(inserted: 1))
        // The next batch starts with no open report stored; the one it opens is found by its flow.
        let open = packetbeatReport(flowID: "HH", at: baseTime, bytesOut: 100, isFinal: false, line: 2)
        let final = packetbeatReport(flowID: "HH", at: baseTime.addingTimeInterval(60), bytesOut: 150, isFinal: true,
                                     line: 3)
        #expect(try fixture.store.insert([ended, open, final], ingestedAt: baseTime)
            == InsertResult(inserted: 1, duplicates: 1, updated: 1))
        let flows = try fixture.store.history(of: IPAddress("10.0.0.5")!, offset: 0, limit: 10)
        #expect(flows.rows.compactMap(\.event.sourceBytes).sorted() == [100, 150])
    }

    @Test func aBatchThatFailsMidwayLeavesNothingWritten() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        // Make the aggregate step of the batch fail after its events were written.
        try DatabaseQueue(path: fixture.path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER simulated_failure BEFORE INSERT ON host_destination
                WHEN NEW.ports = '9999' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END
                """)
        }
        let batch = [
            smbEvent("10.0.0.1", "8.8.8.8", line: 2),
            smbEvent("10.0.0.2", "1.1.1.1", line: 3),
            smbEvent("10.0.0.3", "9.9.9.9", port: 9999, line: 4),
        ]
        #expect(throws: StoreError.self) { try fixture.store.insert(batch, ingestedAt: baseTime) }
        let hosts = try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10)
        #expect(hosts.rows.map(\.address) == [IPAddress("10.0.0.1")!])
        #expect(try fixture.store.history(of: IPAddress("10.0.0.1")!, offset: 0, limit: 10).total == 1)
        #expect(try fixture.store.destinations(of: IPAddress("10.0.0.1")!).map(\.connections) == [1])
    }
}
