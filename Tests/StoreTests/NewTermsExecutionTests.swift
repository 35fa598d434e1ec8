import Detection
import Foundation
import Store
import Testing
import TriageModel

/// Rule version 108: one alert per source.ip value not seen in the 5 days before an execution's
/// window (RULE.md "Later versions of the same rule").
@Suite("New-terms executions")
struct NewTermsExecutionTests {
    private static let day: TimeInterval = 86_400
    private static let minute: TimeInterval = 60
    /// The execution time: far enough from `baseTime` that nothing else is in its history.
    private let now = baseTime.addingTimeInterval(20 * day)
    private let fixture: StoreFixture

    init() throws {
        fixture = try StoreFixture()
        try fixture.store.setActiveRuleVersion(108, actor: "ana", at: baseTime)
    }

    /// An SMB event whose source.ip is `sources` (an array when several), ingested `ago` before `now`.
    private func store(_ sources: [String], to destination: String = "8.8.8.8", ago: TimeInterval,
                       line: Int) throws {
        let template = smbEvent(sources[0], destination, at: now.addingTimeInterval(-ago), line: line)
        var event = template.event
        event.sourceIPs = sources.map { IPAddress($0)! }
        try fixture.store.insert([IngestedEvent(event: event, origin: template.origin)],
                                 ingestedAt: now.addingTimeInterval(-ago))
    }

    private func alertedSources() throws -> [String] {
        try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10_000).rows
            .map { $0.flow.event.sourceIPs.map { "\($0)" }.joined(separator: "+") }.sorted()
    }

    @Test func aValueAlertsOnlyWhenTheHistoryWindowLacksIt() throws {
        try store(["10.0.0.1"], ago: 1 * Self.minute, line: 1)                   // new
        try store(["10.0.0.2"], ago: 4 * Self.day, line: 2)                      // seen 4 days ago
        try store(["10.0.0.2"], ago: 1 * Self.minute, line: 3)
        try store(["10.0.0.3"], ago: 6 * Self.day, line: 4)                      // seen 6 days ago: outside
        try store(["10.0.0.3"], ago: 1 * Self.minute, line: 5)
        try store(["10.0.0.4"], ago: 8 * Self.minute, line: 6)                   // twice inside the window only
        try store(["10.0.0.4"], ago: 1 * Self.minute, line: 7)
        try store(["10.0.0.5"], to: "10.10.0.5", ago: 4 * Self.day, line: 8)    // seen, but not matching the query
        try store(["10.0.0.5"], ago: 1 * Self.minute, line: 9)
        try store(["10.0.0.6"], ago: 10 * Self.minute, line: 10)                 // just before the window: history
        try store(["10.0.0.6"], ago: 1 * Self.minute, line: 11)
        let record = try fixture.store.runExecution(at: now)
        #expect(try alertedSources() == ["10.0.0.1", "10.0.0.3", "10.0.0.4", "10.0.0.5"])
        #expect(record.alerted == 4)
        // Matches in the window: lines 1, 3, 5, 6, 7, 9 and 11; 4 alerted, 3 known (3, 7 and 11).
        #expect(record.matched == 7)
        #expect(record.pending == 0)
        let alerts = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10).rows
        #expect(alerts.allSatisfy { $0.ruleVersion == 108 && $0.riskScore == 47 && $0.severity == "medium" })
        // The first document of the value within the window carries the alert.
        #expect(alerts.first { $0.flow.event.sourceIPs == [IPAddress("10.0.0.4")!] }?.flow.origin.line == 6)
    }

    @Test func anArrayIsNewWhenAnyOfItsValuesIsNew() throws {
        try store(["10.0.1.1"], ago: 4 * Self.day, line: 1)
        try store(["10.0.1.1", "10.0.1.2"], ago: 1 * Self.minute, line: 2)      // 10.0.1.2 is new
        try store(["10.0.2.1"], ago: 4 * Self.day, line: 3)
        try store(["10.0.2.2"], ago: 3 * Self.day, line: 4)
        try store(["10.0.2.1", "10.0.2.2"], ago: 1 * Self.minute, line: 5)      // both seen, never together
        try store(["10.0.3.9", "10.0.3.1"], ago: 2 * Self.day, line: 6)         // 10.0.3.1 seen as a second value
        try store(["10.0.3.1"], ago: 1 * Self.minute, line: 7)
        let record = try fixture.store.runExecution(at: now)
        #expect(try alertedSources() == ["10.0.1.1+10.0.1.2"])
        #expect(record.matched == 3)
    }

    @Test func exceptionsApplyToTheWindowAndToTheHistory() throws {
        let item = ExceptionItem(id: "azure-files", scope: .destination(try IPPrefix(parsing: "20.60.0.0/16")),
                                 comment: "Azure Files", author: "ana", createdAt: baseTime)
        _ = try fixture.store.addException(item, closeMatching: false, actor: "ana")
        try store(["10.0.0.7"], to: "20.60.1.1", ago: 2 * Self.day, line: 1)   // excepted: not history
        try store(["10.0.0.7"], ago: 1 * Self.minute, line: 2)
        try store(["10.0.0.8"], to: "20.60.1.1", ago: 1 * Self.minute, line: 3) // excepted in the window
        let record = try fixture.store.runExecution(at: now)
        #expect(try alertedSources() == ["10.0.0.7"])
        #expect(record.suppressedBy == ["azure-files": 1])
    }

    @Test func aValueAnOverlappingEarlierExecutionAlertedIsNotNewAgain() throws {
        try store(["10.0.4.1"], ago: 6 * Self.minute, line: 1)
        #expect(try fixture.store.runExecution(at: now.addingTimeInterval(-5 * Self.minute)).alerted == 1)
        try store(["10.0.4.1"], ago: 1 * Self.minute, line: 2)
        // Line 1 is inside this window too (9 minutes), so it is not history; it was decided.
        let second = try fixture.store.runExecution(at: now)
        #expect(second.alerted == 0 && second.matched == 1)
        #expect(try alertedSources() == ["10.0.4.1"])
    }

    @Test func anExecutionStopsAtFiveTimesMaxSignalsValuesAndAlertsAtMostMaxSignals() throws {
        // 600 hosts never seen before: 5 × 100 = 500 values examined, 100 alerted, 400 pending,
        // 100 documents left in the queue.
        let events = (0..<600).map { index in
            smbEvent("10.5.\(index / 200).\(index % 200 + 1)", "8.8.8.8", at: now.addingTimeInterval(Double(index)),
                     line: index)
        }
        try fixture.store.insert(events, ingestedAt: now.addingTimeInterval(-Self.minute))
        let first = try fixture.store.runExecution(at: now)
        #expect(first.alerted == 100)
        #expect(first.pending == 400)
        #expect(first.matched == 500)
        #expect(first.capReached)
        let rest = try fixture.store.detectUntilNothingPending(at: now)
        #expect(rest.map(\.alerted) == [100, 100, 100, 100, 100])
        // The second takes the last 100 documents (all new): 100 alerted, 400 + 100 − 100 pending.
        #expect(rest.first.map { [$0.alerted, $0.pending] } == [100, 400])
        let alerts = try alertedSources()
        #expect(alerts.count == 600 && Set(alerts).count == 600)
    }

    @Test func theQueryVersionStillAlertsEveryMatchingEvent() throws {
        try fixture.store.setActiveRuleVersion(103, actor: "ana", at: baseTime)
        try store(["10.0.0.2"], ago: 4 * Self.day, line: 1)
        try store(["10.0.0.2"], ago: 1 * Self.minute, line: 2)
        try store(["10.0.0.2"], ago: 2 * Self.minute, line: 3)
        let record = try fixture.store.runExecution(at: now)
        #expect(record.alerted == 2)
        let alerts = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10).rows
        #expect(alerts.allSatisfy { $0.ruleVersion == 103 && $0.riskScore == 73 && $0.severity == "high" })
    }
}
