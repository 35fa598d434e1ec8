@testable import Console
import Detection
import Foundation
import ScreenCore
import TestSupport
import Testing
import TriageModel

/// The console's cases: the hosts list's CASE and WHY, the host screen's case header, moving and
/// resolving a case, case notes, and actions on a connection's alerts.
@Suite("console cases")
struct CaseTests {
    @Test("hosts rows show the case and why the host ranks there; RISK only while it differs between rows")
    func hostRows() {
        var all = StateDriver(width: 200)
        all.press(.character("a"))
        let text = view(all.state, color: true).text()
        #expect(text.contains("investigating 2/6"))
        #expect(text.contains("resolved · TP"))
        #expect(text.contains("reopened +1"))
        #expect(text.contains("46 MiB to 2 external destinations; 2 open alerts; 1 acknowledged"))
        #expect(text.contains("RISK"), "the fixture's hosts differ in risk")
        var sameRisk = Fixture.standard()
        for index in sameRisk.alerts.indices { sameRisk.alerts[index].riskScore = 73 }
        var same = StateDriver(width: 200, fixture: sameRisk)
        same.press(.character("a"))
        #expect(!view(same.state, color: true).text().contains("RISK"))
    }

    @Test("the attention order is the ranking's score, not the open-alert count")
    func attentionFollowsTheScore() throws {
        var fixture = Fixture.standard()
        // The build server exfiltrated to a new destination: it outranks the host with more open alerts.
        fixture.hosts[1].ranking.bytesToNewDestinations = 900_000_000
        fixture.hosts[1].caseProgress = nil
        var driver = StateDriver(fixture: fixture)
        driver.press(.character("a"))
        #expect(driver.state.hosts.list.rows.map(\.address) == [Fixture.build, Fixture.finance, Fixture.printer])
    }

    @Test("a resolved case sinks below every open one")
    func resolvedSinks() {
        var driver = StateDriver()
        driver.press(.character("a"), .enter, .character("v"), .right, .enter, .character("y"), .escape)
        #expect(driver.state.hosts.list.rows.map(\.address) == [Fixture.printer, Fixture.finance, Fixture.build])
        #expect(driver.state.hosts.list.rows.map(\.caseProgress?.state) == [.investigating, .resolved, .resolved])
    }

    @Test("resolving needs a verdict: none preselected, Enter alone refused; the confirmation counts the alerts it closes")
    func resolveNeedsAVerdict() throws {
        var driver = StateDriver()
        driver.press(.enter, .character("v"))
        guard case .form(let form) = driver.state.overlay else {
            Issue.record("v should open the resolve form")
            return
        }
        #expect(form.choice(Update.CaseField.verdict) == nil)
        driver.press(.enter)
        guard case .form(let refused) = driver.state.overlay else {
            Issue.record("the form should stay open")
            return
        }
        #expect(refused.error == "choose a verdict")
        driver.press(.right, .tab)
        driver.type("data left for a new host")
        driver.press(.enter)
        guard case .confirm(let confirmation) = driver.state.overlay else {
            Issue.record("resolving should ask for confirmation")
            return
        }
        #expect(confirmation.title == "Resolve the case of \(Fixture.finance) as true positive?")
        #expect(confirmation.lines.first == "Closes 3 open or acknowledged alerts with the reason \"true positive\".")
        #expect(driver.repository.alertRecord(1)?.status == .open)
        driver.press(.character("y"))
        #expect(driver.state.host?.hostCase?.state == .resolved)
        #expect(driver.state.host?.hostCase?.verdict == .truePositive)
        #expect(driver.repository.alertRecord(1)?.closeReason == "true positive")
        #expect(driver.repository.alertRecord(3)?.status == .closed)
        #expect(driver.state.message == .success("case of \(Fixture.finance) resolved as true positive; 3 alerts closed"))
    }

    @Test("S offers the states the case may move to, nothing preselected")
    func setState() {
        var driver = StateDriver()
        driver.press(.enter, .character("S"))
        guard case .form(let form) = driver.state.overlay else {
            Issue.record("S should open the state form")
            return
        }
        #expect(form.purpose == .setCaseState(Fixture.finance, targets: [.escalated]))
        driver.press(.enter)
        #expect(driver.state.overlay != nil, "no state chosen yet")
        driver.press(.right, .enter)
        #expect(driver.state.host?.hostCase?.state == .escalated)
    }

    @Test("n adds a note to the case; the header shows the count and the latest")
    func caseNote() {
        var driver = StateDriver()
        driver.press(.enter, .character("n"))
        driver.type("owner confirmed the copy")
        driver.press(.enter)
        #expect(driver.state.host?.hostCase?.notes.map(\.text) == ["owner confirmed the copy"])
        let text = view(driver.state, color: true).text()
        #expect(text.contains("1 note · latest: tester: owner confirmed the copy"))
    }

    @Test("the host header says a reopened case was reopened and by how many alerts")
    func reopenedNotice() {
        var driver = StateDriver()
        driver.press(.character("j"), .enter)
        #expect(view(driver.state, color: true).text().contains("reopened: 1 new alert since resolved"))
    }

    @Test("acting on one alert acts on every alert of its connection; alert rows show notes and sensors")
    func connectionRow() {
        var driver = StateDriver()
        driver.press(.enter, .tab, .character("j"), .character("a"))
        #expect(driver.repository.statusCalls.last?.written == [1, 2])
        #expect(driver.repository.alertRecord(1)?.status == .acknowledged)
        let text = view(driver.state, color: true).text()
        #expect(text.contains("✎ 2"))
        #expect(text.contains("packetbeat, pan-os, zeek"))
    }
}
