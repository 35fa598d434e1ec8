@testable import Console
import Detection
import Foundation
import ScreenCore
import Testing
import TriageModel

/// What a, c and o act on: the help, the form, the question and the message count the alerts the
/// write changes, never fewer.
@Suite("alert targets")
struct AlertTargetsTests {
    @Test("on the alert screen c closes the alert's whole connection, and the form says so")
    func alertScreenClosesItsConnection() throws {
        var driver = StateDriver()
        // The finance host's second row: alerts 1 and 2, two sensors' records of one connection.
        driver.press(.enter, .tab, .character("j"), .enter, .character("c"))
        #expect(driver.state.route == .alert(1))
        let form = try #require(driver.form)
        #expect(form.title == "Close 2 alerts (one connection)")
        #expect(form.purpose == .closeAlerts(AlertTargets(ids: [1, 2], connections: 1)))
        driver.press(.right, .enter)
        #expect(driver.repository.statusCalls.last?.alertIDs == [1, 2])
        #expect(driver.state.message == .success("2 alerts closed"))
    }

    @Test("an alert alone on its connection is one alert to a, c and o")
    func aloneOnItsConnection() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab, .enter, .character("o"))
        #expect(driver.state.route == .alert(3))
        #expect(driver.repository.statusCalls.last?.alertIDs == [3])
        driver.press(.character("c"))
        #expect(try #require(driver.form).title == "Close 1 alert")
    }

    @Test("the alert screen's help and hints say the keys act on the connection")
    func alertHelpStatesTheScope() {
        for action in [Action.acknowledge, .close, .reopen] {
            let help = Keymap.bindings.first { $0.context == .alert && $0.action == action }?.help ?? ""
            #expect(help.contains("every alert of this alert's connection"), "\(action): \(help)")
        }
        #expect(Keymap.markdown().contains("| `c` | Close every alert of this alert's connection with a reason"))
    }

    @Test("a row shown under a status filter is acted on as shown: its other alerts are not reached")
    func filteredRowActsOnWhatItLists() throws {
        var driver = StateDriver()
        _ = try driver.repository.setStatus(.acknowledged, alertIDs: [2], reason: nil, actor: "someone else")
        driver.press(.enter, .character("f"))
        #expect(driver.state.host?.alerts.rows.map(\.alertIDs) == [[1]])
        driver.press(.character("c"))
        #expect(try #require(driver.form).title == "Close 1 alert")
        driver.press(.right, .enter)
        #expect(driver.repository.statusCalls.last?.alertIDs == [1])
        #expect(try driver.repository.alert(id: 2)?.status == .acknowledged)
    }
}

/// Marks go with their rows: an action never reaches a marked row the analyst cannot see without
/// asking first.
@Suite("marks")
struct MarksTests {
    @Test("a marked row a change hides is unmarked: o then acts on nothing it cannot see")
    func hiddenRowLosesItsMark() throws {
        var driver = StateDriver()
        driver.press(.enter, .character("f"), .character(" "))
        #expect(driver.state.host?.marked == [1: [1, 2]])
        _ = try driver.repository.setStatus(.closed, alertIDs: [1, 2], reason: "benign", actor: "someone else")
        driver.press(.ctrl("l"))
        #expect(driver.state.host?.alerts.rows.isEmpty == true)
        #expect(driver.state.host?.marked == [:])
        #expect(driver.state.message == .info("1 mark dropped: its row left the list"))
        #expect(!StatusSummary.text(driver.state).contains("marked"))
        let calls = driver.repository.statusCalls.count
        driver.press(.character("o"))
        #expect(driver.repository.statusCalls.count == calls)
    }

    @Test("resolving the case under the open filter unmarks the rows it closes")
    func resolvingUnmarks() {
        var driver = StateDriver()
        driver.press(.enter, .character("f"), .character(" "), .character("v"), .right, .enter, .character("y"))
        #expect(driver.state.host?.alerts.rows.isEmpty == true)
        #expect(driver.state.host?.marked == [:])
        #expect(driver.state.message?.text.hasSuffix("1 mark dropped: its row left the list") == true)
    }

    @Test("a new filter unmarks every row, and says so")
    func newFilterUnmarks() {
        var driver = StateDriver()
        driver.press(.enter, .tab, .character(" "), .character(" "))
        #expect(driver.state.host?.marked.count == 2)
        driver.press(.character("f"))
        #expect(driver.state.host?.marked == [:])
        #expect(driver.state.message == .info("filter changed: 2 marks dropped"))
    }

    @Test("a mark scrolled far off is counted in a question before a, and its alerts are the ones marked")
    func unseenMarkIsAsked() throws {
        var fixture = Fixture.standard()
        fixture.addFinanceConnections(300) { IPAddress(ipv4: 0x5102_4500 | UInt32($0 % 200 + 1)) }
        var driver = StateDriver(fixture: fixture)
        driver.press(.enter, .tab)
        let first = try #require(driver.state.host?.alerts.row(at: 0))
        driver.press(.character(" "))
        #expect(driver.state.host?.marked == [first.id: first.alertIDs])
        driver.press(.character("G"), .character(" "))
        #expect(driver.state.host?.alerts.selectedRow?.alertIDs == [1, 2])
        #expect(driver.state.host?.alerts.row(at: 0) == nil, "the first row is no longer loaded")
        driver.press(.character("a"))
        let question = try #require(driver.confirmation)
        #expect(question.title == "Acknowledge 3 alerts (2 connections)?")
        #expect(question.lines == ["1 marked connection is not in the rows loaded (scrolled far off, or gone from the list since): their alerts are counted as they were marked."])
        #expect(driver.repository.statusCalls.isEmpty)
        driver.press(.character("y"))
        #expect(driver.repository.statusCalls.last?.alertIDs == ([1, 2] + first.alertIDs).sorted())
    }

    @Test("closing marks scrolled far off asks after the reason")
    func unseenMarkIsAskedAfterTheCloseForm() throws {
        var fixture = Fixture.standard()
        fixture.addFinanceConnections(300) { IPAddress(ipv4: 0x5102_4500 | UInt32($0 % 200 + 1)) }
        var driver = StateDriver(fixture: fixture)
        driver.press(.enter, .tab, .character(" "), .character("G"), .character("c"))
        #expect(try #require(driver.form).title == "Close 1 alert")
        driver.press(.right, .enter)
        let question = try #require(driver.confirmation)
        #expect(question.title == "Close 1 alert?")
        #expect(question.lines.first == "Reason: true positive")
        #expect(driver.repository.statusCalls.isEmpty)
    }
}
