import Detection
import Foundation
import Store
import Testing
import TriageModel

/// Three alerts on 10.0.0.1, one on 10.0.0.2, none on 10.0.0.3 (its only flow stays inside).
private final class CaseScenario {
    let fixture = try! StoreFixture()
    let host = IPAddress("10.0.0.1")!
    let quietHost = IPAddress("10.0.0.3")!
    var store: SMBStore { fixture.store }
    private var line = 0

    init() throws {
        try alert(["8.8.8.8", "1.1.1.1", "9.9.9.9"], from: "10.0.0.1", at: baseTime)
        try alert(["8.8.4.4"], from: "10.0.0.2", at: baseTime)
        try store.insert([smbEvent("10.0.0.3", "10.9.9.9", line: 999)], ingestedAt: baseTime)
    }

    /// Stores flows from `source` and runs an execution at `time`, which alerts them.
    func alert(_ destinations: [String], from source: String, at time: Date) throws {
        try store.insert(destinations.map { destination in
            line += 1
            return smbEvent(source, destination, at: time, line: line)
        }, ingestedAt: time)
        try store.runExecution(at: time)
    }

    func alerts(of host: IPAddress) throws -> [AlertRecord] {
        try store.alerts(AlertQuery(host: host), offset: 0, limit: 100).rows.sorted { $0.id < $1.id }
    }

    func row(_ host: IPAddress) throws -> HostSummary? {
        try store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10).rows.first { $0.address == host }
    }
}

@Suite("Cases")
struct CaseTests {
    @Test func everyHostWithAlertsIsANewCaseAndAHostWithoutIsNone() throws {
        let scenario = try CaseScenario()
        let hostCase = try #require(try scenario.store.hostCase(scenario.host))
        #expect(hostCase.state == .new && hostCase.verdict == nil && hostCase.changedAt == nil)
        #expect((hostCase.openAlerts, hostCase.acknowledgedAlerts, hostCase.closedAlerts) == (3, 0, 0))
        #expect(try scenario.row(scenario.host)?.caseProgress
            == CaseProgress(state: .new, verdict: nil, checkedGuideSteps: 0, reopenedBy: nil))
        #expect(try scenario.row(scenario.quietHost)?.caseProgress == nil)
        #expect(throws: StoreError.notFound("case for host 10.0.0.3 (a case is a host with alerts)")) {
            try scenario.store.setCaseState(of: scenario.quietHost, to: .investigating, verdict: nil, reason: nil,
                                            actor: "ana")
        }
        #expect(try scenario.store.hostCase(scenario.quietHost) == nil)
        #expect(try scenario.store.hostCase(IPAddress("10.7.7.7")!) == nil)
    }

    @Test func resolvingClosesTheHostsOpenAndAcknowledgedAlertsWithTheVerdict() throws {
        let scenario = try CaseScenario()
        let alerts = try scenario.alerts(of: scenario.host)
        try scenario.store.setStatus(.acknowledged, alertIDs: [alerts[1].id], reason: nil, actor: "ana")
        try scenario.store.setStatus(.closed, alertIDs: [alerts[2].id], reason: "other", actor: "ana")
        try scenario.store.setCaseState(of: scenario.host, to: .investigating, verdict: nil, reason: "looking", actor: "ana")
        let change = try scenario.store.setCaseState(of: scenario.host, to: .resolved, verdict: .truePositive,
                                                     reason: "exfiltration confirmed", actor: "bo")
        #expect(change.transition == (try CaseTransition(from: .investigating, to: .resolved, verdict: .truePositive)))
        #expect(change.closedAlertIDs == [alerts[0].id, alerts[1].id])
        let after = try scenario.alerts(of: scenario.host)
        #expect(after.map(\.status) == [.closed, .closed, .closed])
        #expect(after.map(\.closeReason) == ["true positive", "true positive", "other"])
        // The other host's alert is left alone.
        #expect(try scenario.alerts(of: IPAddress("10.0.0.2")!).map(\.status) == [.open])

        let hostCase = try #require(try scenario.store.hostCase(scenario.host))
        #expect(hostCase.state == .resolved && hostCase.verdict == .truePositive)
        #expect(hostCase.reason == "exfiltration confirmed" && hostCase.changedBy == "bo")
        #expect(hostCase.resolvedAt != nil && hostCase.reopening == nil)
        #expect((hostCase.openAlerts, hostCase.acknowledgedAlerts, hostCase.closedAlerts) == (0, 0, 3))

        let audit = try scenario.store.audit(limit: 4)
        #expect(audit.map(\.action) == ["alert.close", "alert.close", "case.state", "case.state"])
        #expect(audit[2].detail == "investigating → resolved (true positive): exfiltration confirmed")
        #expect(audit[2].target == "10.0.0.1" && audit[2].host == scenario.host && audit[2].alertID == nil)
        #expect(audit[0].detail == "acknowledged → closed: true positive")
    }

    @Test func aResolutionWithoutAVerdictOrAgainstTheLifeCycleChangesNothing() throws {
        let scenario = try CaseScenario()
        #expect(throws: CaseTransitionError.verdictRequired) {
            try scenario.store.setCaseState(of: scenario.host, to: .resolved, verdict: nil, reason: nil, actor: "ana")
        }
        #expect(throws: CaseTransitionError.unchanged(.new)) {
            try scenario.store.setCaseState(of: scenario.host, to: .new, verdict: nil, reason: nil, actor: "ana")
        }
        #expect(try scenario.alerts(of: scenario.host).map(\.status) == [.open, .open, .open])
        #expect(try scenario.store.hostCase(scenario.host)?.state == .new)
        #expect(try scenario.store.audit(limit: 10).isEmpty)
    }

    @Test func newAlertsOnAResolvedHostReopenItsCaseVisibly() throws {
        let scenario = try CaseScenario()
        try scenario.store.setCaseState(of: scenario.host, to: .resolved, verdict: .falsePositive, reason: nil,
                                        actor: "ana")
        let later = baseTime.addingTimeInterval(600)
        try scenario.alert(["8.8.8.8", "7.7.7.7"], from: "10.0.0.1", at: later)

        var hostCase = try #require(try scenario.store.hostCase(scenario.host))
        #expect(hostCase.state == CaseState.reopened && hostCase.verdict == nil)
        #expect(hostCase.reopening == CaseReopening(at: later, previousVerdict: .falsePositive, newAlerts: 2))
        #expect(hostCase.reopening?.description == "reopened: 2 new alerts since resolved")
        #expect((hostCase.openAlerts, hostCase.closedAlerts) == (2, 3))
        let reopen = try #require(try scenario.store.audit(limit: 1).first)
        #expect(reopen.action == "case.reopen" && reopen.actor == "smbtriage" && reopen.host == scenario.host)
        #expect(reopen.detail == "resolved (false positive) → investigating: new alerts since resolved")

        // Later alerts add to the count while the case stays open, and are not a second reopening.
        try scenario.store.setCaseState(of: scenario.host, to: .escalated, verdict: nil, reason: nil, actor: "ana")
        try scenario.alert(["6.6.6.6"], from: "10.0.0.1", at: later.addingTimeInterval(600))
        hostCase = try #require(try scenario.store.hostCase(scenario.host))
        #expect(hostCase.state == .escalated && hostCase.reopening?.newAlerts == 3)
        #expect(try scenario.row(scenario.host)?.caseProgress?.reopenedBy == 3)
        #expect(try scenario.store.audit(limit: 20).filter { $0.action == "case.reopen" }.count == 1)

        // Resolving again closes them and ends the reopening.
        let change = try scenario.store.setCaseState(of: scenario.host, to: .resolved, verdict: .truePositive,
                                                     reason: nil, actor: "ana")
        #expect(change.closedAlertIDs.count == 3)
        hostCase = try #require(try scenario.store.hostCase(scenario.host))
        #expect(hostCase.reopening == nil && hostCase.verdict == .truePositive)
        #expect(try scenario.row(scenario.host)?.caseProgress
            == CaseProgress(state: .resolved, verdict: .truePositive, checkedGuideSteps: 0, reopenedBy: nil))
    }

    @Test func newAlertsOnACaseThatWasNeverResolvedDoNotReopenIt() throws {
        let scenario = try CaseScenario()
        try scenario.store.setCaseState(of: scenario.host, to: .investigating, verdict: nil, reason: nil, actor: "ana")
        try scenario.alert(["5.5.5.5"], from: "10.0.0.1", at: baseTime.addingTimeInterval(600))
        let hostCase = try #require(try scenario.store.hostCase(scenario.host))
        #expect(hostCase.state == .investigating && hostCase.reopening == nil)
        #expect(try scenario.store.audit(limit: 10).allSatisfy { $0.action != "case.reopen" })
    }

    @Test func theChecklistIsTheCasesWhicheverAlertItIsTickedOn() throws {
        let scenario = try CaseScenario()
        let alerts = try scenario.alerts(of: scenario.host)
        try scenario.store.setGuideStep(alertID: alerts[0].id, step: 1, checked: true, actor: "ana")
        try scenario.store.setCaseGuideStep(of: scenario.host, step: 3, checked: true, actor: "ana")
        try scenario.store.setCaseGuideStep(of: scenario.host, step: 3, checked: true, actor: "ana")
        #expect(try scenario.alerts(of: scenario.host).map(\.checkedGuideSteps) == [[1, 3], [1, 3], [1, 3]])
        #expect(try scenario.alerts(of: IPAddress("10.0.0.2")!).map(\.checkedGuideSteps) == [[]])
        #expect(try scenario.store.hostCase(scenario.host)?.checkedGuideSteps == [1, 3])
        #expect(try scenario.row(scenario.host)?.caseProgress?.checkedGuideSteps == 2)
        try scenario.store.setGuideStep(alertID: alerts[2].id, step: 1, checked: false, actor: "bo")
        #expect(try scenario.store.hostCase(scenario.host)?.checkedGuideSteps == [3])
        let audit = try scenario.store.audit(limit: 10)
        #expect(audit.map(\.action) == ["case.uncheck", "case.check", "case.check"])
        #expect(audit.map(\.detail) == ["step 2", "step 4", "step 2"])
        #expect(throws: StoreError.notFound("alert 9999")) {
            try scenario.store.setGuideStep(alertID: 9999, step: 0, checked: true, actor: "ana")
        }
    }

    @Test func notesGoOnTheCaseAndAlertNotesStayPossible() throws {
        let scenario = try CaseScenario()
        let alert = try #require(try scenario.alerts(of: scenario.host).first)
        try scenario.store.setCaseState(of: scenario.host, to: .investigating, verdict: nil, reason: nil, actor: "ana")
        let note = try scenario.store.addCaseNote(to: scenario.host, text: "owner on leave", actor: "ana")
        try scenario.store.addNote(alertID: alert.id, text: "this one is the backup", actor: "bo")
        let second = try scenario.store.addCaseNote(to: scenario.host, text: "back on Monday", actor: "bo")
        let hostCase = try #require(try scenario.store.hostCase(scenario.host))
        #expect(hostCase.notes == [note, second])
        #expect(note.text == "owner on leave" && note.author == "ana" && note.host == scenario.host)
        #expect(hostCase.alertNotes == 1)
        #expect(try scenario.store.alert(id: alert.id)?.noteCount == 1)
        let audit = try scenario.store.audit(limit: 3)
        #expect(audit.map(\.action) == ["case.note", "note.add", "case.note"])
        #expect(audit[2].detail == "owner on leave" && audit[2].target == "10.0.0.1")
        #expect(try scenario.store.statistics().notes == 3)
    }

    @Test func theHostsListFiltersByCaseState() throws {
        let scenario = try CaseScenario()
        try scenario.store.setCaseState(of: scenario.host, to: .escalated, verdict: nil, reason: nil, actor: "ana")
        func listed(_ states: Set<CaseState>?) throws -> [String] {
            try scenario.store.hosts(filter: HostFilter(caseStates: states), sort: .address, offset: 0, limit: 10)
                .rows.map { "\($0.address)" }
        }
        #expect(try listed(nil) == ["10.0.0.1", "10.0.0.2", "10.0.0.3"])
        #expect(try listed(Set(CaseState.allCases)) == ["10.0.0.1", "10.0.0.2"])
        #expect(try listed([.escalated]) == ["10.0.0.1"])
        #expect(try listed([.new, .resolved]) == ["10.0.0.2"])
        #expect(try scenario.store.hosts(filter: HostFilter(caseStates: [.new]), sort: .address, offset: 0, limit: 10)
            .total == 1)
    }

    @Test func theAttentionViewKeepsHostsWithOpenAlertsOrAnOpenCase() throws {
        let scenario = try CaseScenario()
        func attention() throws -> Page<HostSummary> {
            try scenario.store.hosts(filter: .attention, sort: .address, offset: 0, limit: 10)
        }
        #expect(try attention().rows.map { "\($0.address)" } == ["10.0.0.1", "10.0.0.2"])
        let ids = try scenario.alerts(of: scenario.host).map(\.id)
        try scenario.store.setStatus(.acknowledged, alertIDs: ids, reason: nil, actor: "ana")
        let second = try scenario.alerts(of: IPAddress("10.0.0.2")!).map(\.id)
        try scenario.store.setStatus(.closed, alertIDs: second, reason: "benign", actor: "ana")
        let acknowledged = try attention()
        #expect(acknowledged.rows.map { "\($0.address)" } == ["10.0.0.1"])
        #expect(acknowledged.total == 1)
        #expect(acknowledged.rows.allSatisfy { $0.needsAttention })
        try scenario.store.setStatus(.closed, alertIDs: ids, reason: "benign", actor: "ana")
        #expect(try attention().total == 0)
        try scenario.store.setCaseState(of: scenario.host, to: .investigating, verdict: nil, reason: nil, actor: "ana")
        #expect(try attention().rows.map { "\($0.address)" } == ["10.0.0.1"])
        try scenario.store.setCaseState(of: scenario.host, to: .resolved, verdict: .falsePositive, reason: nil, actor: "ana")
        #expect(try attention().total == 0)
    }
}
