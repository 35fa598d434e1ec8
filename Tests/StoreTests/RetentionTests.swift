import BundledRules
import Detection
import Foundation
import GRDB
import Store
import Testing
import TriageModel

/// A store holding old flows of one host (10.0.0.1) in every state retention cares about, and a
/// prune time after all of them (the triage writes are stamped with the wall clock).
private final class RetentionScenario {
    let fixture: StoreFixture
    let host = IPAddress("10.0.0.1")!
    let pruneTime = Date().addingTimeInterval(200 * 86_400)
    var store: SMBStore { fixture.store }

    /// Alert ids by what the analyst did with them (`closedWithTick`: closed after a guide step was
    /// ticked on it, which ticks it on the host's case).
    var open: Int64 = 0, acknowledged: Int64 = 0, closed: Int64 = 0, closedWithNote: Int64 = 0, closedWithTick: Int64 = 0

    init() throws {
        fixture = try StoreFixture()
        let item = ExceptionItem(id: "backup", scope: .destination(try IPPrefix(parsing: "20.60.0.0/16")),
                                 comment: "backup", author: "ana", createdAt: baseTime)
        _ = try store.addException(item, closeMatching: false, actor: "ana")
        let destinations = ["8.8.8.8", "8.8.4.4", "1.1.1.1", "9.9.9.9", "7.7.7.7", "10.0.0.9", "20.60.1.5"]
        try store.insert(destinations.enumerated().map { smbEvent("10.0.0.1", $1, line: $0 + 1) }, ingestedAt: baseTime)
        try store.runExecution(at: baseTime)
        let alerts = try store.alerts(AlertQuery(), offset: 0, limit: 10).rows
        func id(_ destination: String) -> Int64 {
            alerts.first { $0.flow.event.destinationIPs.first == IPAddress(destination) }?.id ?? -1
        }
        (open, acknowledged, closed, closedWithNote, closedWithTick) =
            (id("8.8.8.8"), id("8.8.4.4"), id("1.1.1.1"), id("9.9.9.9"), id("7.7.7.7"))
        try store.setStatus(.acknowledged, alertIDs: [acknowledged], reason: nil, actor: "ana")
        try store.setStatus(.closed, alertIDs: [closed, closedWithNote, closedWithTick], reason: "benign", actor: "ana")
        try store.addNote(alertID: closedWithNote, text: "checked with the owner", actor: "ana")
        try store.setGuideStep(alertID: closedWithTick, step: 0, checked: true, actor: "ana")
        // A recent flow, inside every retention period.
        try store.insert([smbEvent("10.0.0.1", "8.8.8.8", at: pruneTime.addingTimeInterval(-86_400), line: 99)],
                         ingestedAt: pruneTime.addingTimeInterval(-86_400))
    }

    func hostSummary() throws -> HostSummary? {
        try store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10).rows.first { $0.address == host }
    }

    func destinations() throws -> [String: DestinationSummary] {
        Dictionary(uniqueKeysWithValues: try store.destinations(of: host).map { ("\($0.address)", $0) })
    }

    func flowDestinations() throws -> Set<String> {
        Set(try store.history(of: host, offset: 0, limit: 100).rows.map { "\($0.event.destinationIPs[0])" })
    }
}

@Suite("Retention")
struct RetentionTests {
    @Test func aNewStoreHasTheDefaultPolicyAndVacuumsIncrementally() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.retentionPolicy() == RetentionPolicy.defaults)
        #expect(try fixture.store.vacuumsIncrementally())
    }

    @Test func settingThePolicyKeepsItAndAuditsTheChange() throws {
        let fixture = try StoreFixture()
        let policy = RetentionPolicy(flowDays: 7, closedAlertDays: 90, auditDays: 365)
        try fixture.store.setRetentionPolicy(policy, actor: "ana")
        #expect(try SMBStore(path: fixture.path, rules: .bundled()).retentionPolicy() == policy)
        let entry = try #require(try fixture.store.audit(limit: 1).first)
        #expect(entry.action == "retention.set" && entry.actor == "ana")
        #expect(entry.detail == "flows 30d, closed alerts 180d, audit 730d → flows 7d, closed alerts 90d, audit 365d")
    }

    @Test func pruneRemovesOldFlowsAndClosedAlertsButKeepsWhatTriageStillNeeds() throws {
        let scenario = try RetentionScenario()
        let report = try scenario.store.prune(at: scenario.pruneTime, actor: "ana")
        #expect(report == PruneReport(flows: 4, closedAlerts: 2, auditEntries: 0))
        let kept = try scenario.store.alerts(AlertQuery(), offset: 0, limit: 10).rows.map(\.id).sorted()
        #expect(kept == [scenario.open, scenario.acknowledged, scenario.closedWithNote].sorted())
        #expect(try scenario.flowDestinations() == ["8.8.8.8", "8.8.4.4", "9.9.9.9"])
        #expect(try scenario.store.history(of: scenario.host, offset: 0, limit: 100).total == 4)
        #expect(try scenario.store.notes(alertID: scenario.closedWithNote).map(\.text) == ["checked with the owner"])
        // The checklist is the case's: the tick outlives the alert it was made on.
        #expect(try scenario.store.hostCase(scenario.host)?.checkedGuideSteps == [0])
        #expect(try scenario.store.alert(id: scenario.open)?.checkedGuideSteps == [0])
        #expect(try scenario.store.exceptions().map(\.suppressedEvents) == [1])
        #expect(try scenario.store.audit(limit: 1).first?.action == "store.prune")
    }

    @Test func aHostsAggregatesAndTimelineAreTheSameAfterAPrune() throws {
        let scenario = try RetentionScenario()
        let host = try #require(try scenario.hostSummary())
        let destinations = try scenario.destinations()
        let timeline = try scenario.store.wholeTimeline(of: scenario.host, bucket: .day)
        try scenario.store.prune(at: scenario.pruneTime, actor: "ana")
        var expectedHost = host
        expectedHost.closedAlerts -= 2
        #expect(try scenario.hostSummary() == expectedHost)
        var expectedDestinations = destinations
        expectedDestinations["1.1.1.1"]?.closedAlerts -= 1
        expectedDestinations["7.7.7.7"]?.closedAlerts -= 1
        #expect(try scenario.destinations() == expectedDestinations)
        // The same buckets and counts, the pruned flows now counted from their summaries.
        let after = try scenario.store.wholeTimeline(of: scenario.host, bucket: .day)
        #expect(after.map { [$0.start.timeIntervalSince1970, Double($0.flows), Double($0.bytesOut), Double($0.externalFlows)] }
            == timeline.map { [$0.start.timeIntervalSince1970, Double($0.flows), Double($0.bytesOut), Double($0.externalFlows)] })
        #expect(after.map(\.summarizedFlows) == [4, 0] && timeline.map(\.summarizedFlows) == [0, 0])
    }

    @Test func prunedFlowsStayAsDailySummaries() throws {
        let scenario = try RetentionScenario()
        try scenario.store.prune(at: scenario.pruneTime, actor: "ana")
        let summaries = try scenario.store.flowSummaries(of: scenario.host)
        #expect(Set(summaries.map { "\($0.destination!)" }) == ["1.1.1.1", "7.7.7.7", "10.0.0.9", "20.60.1.5"])
        let dayStart = Date(timeIntervalSinceReferenceDate:
            (baseTime.timeIntervalSinceReferenceDate / 86_400).rounded(.down) * 86_400)
        for summary in summaries {
            #expect(summary.day == dayStart && summary.flows == 1 && summary.ports == [445])
            #expect(summary.bytesSent == 100 && summary.bytesReceived == 50 && summary.isFirstSeenDestination)
            #expect(summary.firstSeen == baseTime && summary.lastSeen == baseTime)
        }
        #expect(summaries.first { $0.destination == IPAddress("10.0.0.9") }?.isExternal == false)
    }

    @Test func summariesOfLaterPrunesAddUp() throws {
        let fixture = try StoreFixture()
        try fixture.store.setRetentionPolicy(RetentionPolicy(flowDays: 1, closedAlertDays: 180, auditDays: 730),
                                             actor: "ana")
        let events = (0..<5).map { smbEvent("10.0.0.1", "10.0.0.9", port: $0 == 4 ? 139 : 445,
                                            at: baseTime.addingTimeInterval(Double($0) * 60), line: $0) }
        try fixture.store.insert(events, ingestedAt: baseTime)
        try fixture.store.prune(at: baseTime.addingTimeInterval(86_400 + 150), actor: "ana", batchSize: 2)
        try fixture.store.prune(at: baseTime.addingTimeInterval(86_400 + 600), actor: "ana", batchSize: 2)
        let summary = try #require(try fixture.store.flowSummaries(of: IPAddress("10.0.0.1")!).first)
        #expect(summary.flows == 5 && summary.bytesSent == 500 && summary.ports == [139, 445])
        #expect(summary.firstSeen == baseTime && summary.lastSeen == baseTime.addingTimeInterval(240))
    }

    /// Batches of one alert: each starts again from the oldest closed alert and passes over the
    /// one with a note, so the prune ends with every other closed alert gone and that one kept.
    @Test func closedAlertsGoInBatchesPastTheOnesWithNotes() throws {
        let scenario = try RetentionScenario()
        let report = try scenario.store.prune(at: scenario.pruneTime, actor: "ana", batchSize: 1)
        #expect(report.closedAlerts == 2)
        let kept = try scenario.store.alerts(AlertQuery(), offset: 0, limit: 10).rows.map(\.id).sorted()
        #expect(kept == [scenario.open, scenario.acknowledged, scenario.closedWithNote].sorted())
    }

    /// A store the previous schema made (v19) gets the closed alerts' index when opened, and its
    /// prune then removes what it removed before the upgrade.
    @Test func aV19StoreGetsTheClosedAlertIndexAndPrunesAsBefore() throws {
        let scenario = try RetentionScenario()
        let expected = try scenario.store.prune(at: scenario.pruneTime, dryRun: true, actor: "ana")
        try DatabaseQueue(path: scenario.fixture.path).write { db in
            try rollBackToVersion19(db)
            #expect(try !db.indexes(on: "alert").contains { $0.name == "alert_closed_at" })
        }
        let upgraded = try SMBStore(path: scenario.fixture.path, rules: .bundled())
        let (version, indexed) = try DatabaseQueue(path: scenario.fixture.path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"), try db.indexes(on: "alert").contains { $0.name == "alert_closed_at" })
        }
        #expect(version == SMBStore.schemaVersion && indexed)
        #expect(try upgraded.prune(at: scenario.pruneTime, actor: "ana") == expected)
        #expect(expected.closedAlerts == 2)
    }

    @Test func aDryRunRemovesNothingAndCountsWhatThePruneRemoves() throws {
        let scenario = try RetentionScenario()
        let before = try scenario.store.statistics()
        let dryRun = try scenario.store.prune(at: scenario.pruneTime, dryRun: true, actor: "ana")
        #expect(try scenario.store.statistics() == before)
        #expect(try scenario.store.prune(at: scenario.pruneTime, actor: "ana") == dryRun)
        #expect(!dryRun.isEmpty)
    }

    @Test func theAuditLogGoesOnlyByItsOwnSetting() throws {
        let scenario = try RetentionScenario()
        let entries = try scenario.store.audit(limit: 100).count
        try scenario.store.prune(at: scenario.pruneTime, actor: "ana")
        #expect(try scenario.store.audit(limit: 100).count == entries + 1)
        try scenario.store.setRetentionPolicy(RetentionPolicy(flowDays: 30, closedAlertDays: 180, auditDays: 100),
                                              actor: "ana")
        let report = try scenario.store.prune(at: scenario.pruneTime, actor: "ana")
        // Every entry but the first prune's, which is recorded at the prune's time.
        #expect(report == PruneReport(flows: 0, closedAlerts: 0, auditEntries: entries + 1))
        #expect(try scenario.store.audit(limit: 100).map(\.action) == ["store.prune", "store.prune"])
    }

    @Test func theFileShrinksAfterAPrune() throws {
        let fixture = try StoreFixture()
        let events = (0..<3_000).map { line in
            var event = smbEvent("10.0.0.\(line % 50)", "10.0.1.1", line: line)
            // Padding compression cannot take away (records are stored compressed): the hex of
            // a xorshift sequence, about 1 kB compressed.
            var state = UInt64(line + 1) &* 0x9E37_79B9_7F4A_7C15
            event.origin.original += (0..<125).map { _ in
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                return String(state, radix: 16)
            }.joined()
            return event
        }
        try fixture.store.insert(events, ingestedAt: baseTime)
        try fixture.store.truncateWriteAheadLog()
        let before = try fixture.store.statistics().databaseBytes
        #expect(try fixture.store.prune(at: baseTime.addingTimeInterval(31 * 86_400), actor: "ana").flows == 3_000)
        try fixture.store.truncateWriteAheadLog()
        let after = try fixture.store.statistics()
        #expect(after.flows == 0 && after.flowSummaries == 50)
        #expect(after.databaseBytes < before / 4, "\(before) → \(after.databaseBytes) bytes")
    }

    @Test func statisticsCountWhatTheStoreHolds() throws {
        let scenario = try RetentionScenario()
        let stats = try scenario.store.statistics()
        #expect(stats.flows == 8 && stats.hosts == 1 && stats.exceptions == 1 && stats.notes == 1)
        #expect((stats.openAlerts, stats.acknowledgedAlerts, stats.closedAlerts) == (1, 1, 3))
        #expect(stats.oldestFlow == baseTime && stats.newestFlow == scenario.pruneTime.addingTimeInterval(-86_400))
        #expect(stats.databaseBytes > 0 && stats.policy == .defaults && stats.vacuumsIncrementally)
    }

    /// The bytes a prune reports come from the file system: the database file and its WAL.
    @Test func bytesOnDiskAreTheFilesSizes() throws {
        let scenario = try RetentionScenario()
        let size = { (path: String) in
            try (FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? -1
        }
        let bytes = scenario.store.bytesOnDisk()
        #expect(bytes.database == (try size(scenario.fixture.path)) && bytes.database > 0)
        #expect(bytes.wal == (try size(scenario.fixture.path + "-wal")))
    }
}
