import Detection
import Foundation
import Store
import Testing
import TriageModel

@Suite("Detector executions")
struct ExecutionTests {
    @Test func matchesAboveTheCapStayPendingUntilLaterExecutions() throws {
        let fixture = try StoreFixture()
        let events = (0..<250).map { index in
            smbEvent("10.1.\(index / 100).\(index % 100 + 1)", "8.8.8.8", at: baseTime.addingTimeInterval(Double(index)),
                     line: index)
        }
        try fixture.store.insert(events, ingestedAt: baseTime)
        let records = try fixture.store.detectUntilNothingPending(at: baseTime.addingTimeInterval(60))
        #expect(records.map(\.alerted) == [100, 100, 50])
        #expect(records.map(\.pending) == [150, 50, 0])
        #expect(records.map(\.matched) == [250, 150, 50])
        #expect(records.map(\.capReached) == [true, true, false])
        #expect(try fixture.store.executions(limit: 10).map(\.capReached) == [false, true, true])

        let alerts = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 1000)
        #expect(alerts.total == 250)
        #expect(Set(alerts.rows.map(\.flow.id)).count == 250)
        // Oldest events were alerted first.
        let firstExecution = try #require(records.first?.id)
        let firstAlerted = alerts.rows.filter { $0.executionID == firstExecution }.map(\.flow.event.timestamp!)
        #expect(firstAlerted.max()! < baseTime.addingTimeInterval(100))
    }

    @Test func theAlertsOfOneExecutionAreFoundAboveTheLastAlertIDBeforeIt() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.lastAlertID() == 0)
        try fixture.store.insert([smbEvent("10.1.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        let first = try fixture.store.runExecution(at: baseTime.addingTimeInterval(60))
        let before = try fixture.store.lastAlertID()
        #expect(before > 0)
        try fixture.store.insert([smbEvent("10.1.0.2", "8.8.8.8", line: 2), smbEvent("10.1.0.3", "8.8.4.4", line: 3)],
                                 ingestedAt: baseTime.addingTimeInterval(120))
        let second = try fixture.store.runExecution(at: baseTime.addingTimeInterval(180))
        let created = try fixture.store.alerts(createdBy: second.id, after: before)
        #expect(created.map { "\($0.flow.event.sourceIPs[0])" } == ["10.1.0.2", "10.1.0.3"])
        #expect(created.allSatisfy { $0.executionID == second.id })
        #expect(try fixture.store.alerts(createdBy: first.id, after: 0).map(\.flow.origin.line) == [1])
        #expect(try fixture.store.alerts(createdBy: first.id, after: before).isEmpty)
    }

    @Test func executionsSharingATransactionAreEachLoggedWithTheirOwnCounts() throws {
        let fixture = try StoreFixture()
        let events = (0..<1050).map { index in
            smbEvent("10.3.\(index / 200).\(index % 200 + 1)", "8.8.8.8", at: baseTime.addingTimeInterval(Double(index)),
                     line: index)
        }
        try fixture.store.insert(events, ingestedAt: baseTime)
        let records = try fixture.store.detectUntilNothingPending(at: baseTime.addingTimeInterval(60))
        #expect(records.map(\.alerted) == Array(repeating: 100, count: 10) + [50])
        #expect(records.map(\.pending) == stride(from: 950, through: 50, by: -100).map { $0 } + [0])
        #expect(Set(records.map(\.id)).count == 11)
        let logged = try fixture.store.executions(limit: 20)
        #expect(logged.map(\.id) == records.map(\.id).reversed())
        #expect(logged.map(\.pending) == records.map(\.pending).reversed())
        #expect(logged.map(\.alerted) == records.map(\.alerted).reversed())
        #expect(try fixture.store.alerts(AlertQuery(), offset: 0, limit: 2000).total == 1050)
    }

    @Test func anExecutionLargerThanOneChunkAlertsEveryMatchOnce() throws {
        let fixture = try StoreFixture()
        let events = (0..<6500).map { index in
            smbEvent("10.2.\(index / 250).\(index % 250 + 1)", index % 13 == 0 ? "10.9.9.9" : "8.8.8.8", line: index)
        }
        try fixture.store.insert(events, ingestedAt: baseTime)
        let internalCount = events.filter { $0.event.destinationIPs == [IPAddress("10.9.9.9")!] }.count
        let record = try fixture.store(running: RuleCatalog(fixture.rule(maxSignals: 10_000))).runExecution(at: baseTime)
        #expect(record.alerted == 6500 - internalCount)
        #expect(record.pending == 0)
        #expect(!record.capReached)
        let alerts = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10_000).rows
        #expect(Set(alerts.map(\.flow.id)).count == 6500 - internalCount)
        #expect(try fixture.store.runExecution(at: baseTime).matched == 0)
    }

    @Test func anEventIsAlertedOnceAcrossOverlappingExecutions() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        let first = try fixture.store.runExecution(at: baseTime.addingTimeInterval(60))
        let second = try fixture.store.runExecution(at: baseTime.addingTimeInterval(300))
        #expect(first.alerted == 1)
        #expect(second.alerted == 0)
        #expect(second.windowStart == baseTime.addingTimeInterval(300 - 540))
        #expect(try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10).total == 1)
    }

    @Test func onlyEventsIngestedInTheLookBackWindowAreCandidates() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        let late = try fixture.store.runExecution(at: baseTime.addingTimeInterval(541))
        #expect(late.matched == 0)
        let early = try fixture.store.runExecution(at: baseTime.addingTimeInterval(-1))
        #expect(early.matched == 0)
        let inside = try fixture.store.runExecution(at: baseTime.addingTimeInterval(540))
        #expect(inside.alerted == 1)
    }

    @Test func internalAndNonQualifyingTrafficDoesNotAlert() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([
            smbEvent("10.0.0.1", "10.0.0.2", line: 1),
            smbEvent("100.64.0.1", "8.8.8.8", line: 2),
            smbEvent("10.0.0.1", "8.8.8.8", port: 80, line: 3),
            smbEvent("10.0.0.1", "0.0.0.4", line: 4),
        ], ingestedAt: baseTime)
        let record = try fixture.store.runExecution(at: baseTime)
        #expect(record.alerted == 1)
        let alert = try #require(try fixture.store.alerts(AlertQuery(), offset: 0, limit: 1).rows.first)
        #expect(alert.flow.event.destinationIPs == [IPAddress("0.0.0.4")!])
    }

    @Test func alertsCarryTheRuleAndKibanasReason() throws {
        let fixture = try StoreFixture()
        var ingested = smbEvent("10.1.2.3", "8.8.8.8", line: 1)
        ingested.event.sourcePort = 52144
        try fixture.store.insert([ingested], ingestedAt: baseTime)
        try fixture.store.runExecution(at: baseTime)
        let alert = try #require(try fixture.store.alerts(AlertQuery(), offset: 0, limit: 1).rows.first)
        #expect(alert.reason == "network event with source 10.1.2.3:52144, destination 8.8.8.8:445, created high "
            + "alert SMB (Windows File Sharing) Activity to the Internet.")
        #expect(alert.ruleID == "c82b2bd8-d701-420c-ba43-f11a155b681a")
        #expect(alert.severity == "high")
        #expect(alert.riskScore == 73)
        #expect(alert.status == .open)
        let uuid = try #require(UUID(uuidString: alert.uuid))
        #expect(uuid.uuidString.lowercased() == alert.uuid)
        #expect(Array(alert.uuid)[14] == "4")
        #expect(try fixture.store.alert(id: alert.id) == alert)
    }

    @Test func anExceptionWithCloseMatchingClosesExactlyTheMatchingOpenAlerts() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([
            smbEvent("10.0.0.1", "20.60.0.1", line: 1),
            smbEvent("10.0.0.2", "20.60.9.9", line: 2),
            smbEvent("10.0.0.3", "8.8.8.8", line: 3),
            smbEvent("10.0.0.4", "20.60.0.2", line: 4),
        ], ingestedAt: baseTime)
        try fixture.store.runExecution(at: baseTime)
        let alerts = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10).rows
        let acknowledged = try #require(alerts.first { $0.flow.event.sourceIPs == [IPAddress("10.0.0.4")!] })
        try fixture.store.setStatus(.acknowledged, alertIDs: [acknowledged.id], reason: nil, actor: "ana")

        let item = ExceptionItem(id: "azure-files", scope: .destination(try IPPrefix(parsing: "20.60.0.0/16")),
                                 comment: "Azure Files", author: "ana", createdAt: baseTime)
        let result = try fixture.store.addException(item, closeMatching: true, actor: "ana")
        let expectedClosed = alerts.filter {
            ["10.0.0.1", "10.0.0.2"].map { IPAddress($0)! }.contains($0.flow.event.sourceIPs[0])
        }.map(\.id)
        #expect(result.closedAlertIDs.sorted() == expectedClosed.sorted())
        let statuses = Dictionary(uniqueKeysWithValues: try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10)
            .rows.map { ($0.id, $0.status) })
        #expect(statuses[acknowledged.id] == .acknowledged)
        #expect(statuses.values.filter { $0 == .closed }.count == 2)
        let closed = try #require(try fixture.store.alert(id: expectedClosed[0]))
        #expect(closed.closeReason == "matches exception smbtriage: dst 20.60.0.0/16")

        #expect(try fixture.store.exceptions().map(\.lastSuppressedAt) == [nil])
        // The next execution suppresses new matching events and counts them against the item.
        try fixture.store.insert([
            smbEvent("10.0.0.5", "20.60.3.3", line: 5),
            smbEvent("10.0.0.6", "20.60.4.4", line: 6),
            smbEvent("10.0.0.7", "8.8.4.4", line: 7),
        ], ingestedAt: baseTime.addingTimeInterval(300))
        let next = try fixture.store.runExecution(at: baseTime.addingTimeInterval(300))
        #expect(next.alerted == 1)
        #expect(next.suppressedBy == ["azure-files": 2])
        #expect(next.matched == 3)
        #expect(try fixture.store.exceptions().map(\.suppressedEvents) == [2])
        // The execution log says when: the item is stale once it has suppressed nothing for 30 days.
        let record = try #require(try fixture.store.exceptions().first)
        let lastHit = baseTime.addingTimeInterval(300)
        #expect(record.lastSuppressedAt == lastHit)
        #expect(!record.isStale(at: lastHit.addingTimeInterval(29 * 86_400), days: 30))
        #expect(record.isStale(at: lastHit.addingTimeInterval(31 * 86_400), days: 30))
        #expect(!record.isStale(at: lastHit.addingTimeInterval(31 * 86_400), days: 60))
        let unused = ExceptionRecord(item: item, suppressedEvents: 0)
        #expect(!unused.isStale(at: baseTime.addingTimeInterval(29 * 86_400), days: 30))
        #expect(unused.isStale(at: baseTime.addingTimeInterval(31 * 86_400), days: 30))
    }

    @Test func pendingMatchesAreSuppressedByAnExceptionAddedBeforeTheyAreAlerted() throws {
        let fixture = try StoreFixture()
        let events = (0..<3).map { smbEvent("10.0.0.\($0 + 1)", "8.8.8.8", at: baseTime.addingTimeInterval(Double($0)), line: $0) }
        try fixture.store.insert(events, ingestedAt: baseTime)
        let capOne = try fixture.store(running: RuleCatalog(fixture.rule(maxSignals: 1)))
        #expect(try capOne.runExecution(at: baseTime).pending == 2)
        let item = ExceptionItem(id: "host-3", scope: .source(try IPPrefix(parsing: "10.0.0.3")), comment: "lab",
                                 author: "ana", createdAt: baseTime)
        _ = try fixture.store.addException(item, closeMatching: false, actor: "ana")
        let records = try capOne.detectUntilNothingPending(at: baseTime)
        #expect(records.map(\.alerted) == [1, 0])
        #expect(records.last?.suppressedBy == ["host-3": 1])
        #expect(records.last?.pending == 0)
    }

    @Test func anExpiredExceptionDoesNotSuppressButStaysListed() throws {
        let fixture = try StoreFixture()
        let item = ExceptionItem(id: "temporary", scope: .destination(try IPPrefix(parsing: "8.8.8.8")),
                                 comment: "maintenance window", author: "ana", createdAt: baseTime.addingTimeInterval(-7200),
                                 expiresAt: baseTime.addingTimeInterval(-60))
        _ = try fixture.store.addException(item, closeMatching: false, actor: "ana")
        try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        let record = try fixture.store.runExecution(at: baseTime)
        #expect(record.alerted == 1)
        #expect(record.suppressedBy.isEmpty)
        #expect(try fixture.store.exceptions().map(\.item) == [item])
    }

    @Test func executionsRunTheRuleTheStoreWasOpenedWith() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([smbEvent("10.0.0.7", "8.8.8.8", line: 1)], ingestedAt: baseTime)
        var rule = fixture.rule.rule
        rule.riskScore = 99
        let variant = try fixture.store(running: RuleCatalog(CompiledRule(rule)))
        #expect(try variant.runExecution(at: baseTime).alerted == 1)
        #expect(try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10).rows.map(\.riskScore) == [99])
    }

    @Test func anUnsupportedLookBackIsRejected() throws {
        let fixture = try StoreFixture()
        var rule = fixture.rule.rule
        rule.from = "yesterday"
        let variant = try fixture.store(running: RuleCatalog(CompiledRule(rule)))
        #expect(throws: StoreError.unsupportedLookback("yesterday")) {
            try variant.runExecution(at: baseTime)
        }
    }
}
