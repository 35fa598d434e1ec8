@testable import Console
import Detection
import Foundation
import ScreenCore
import TestSupport
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
        #expect(form.purpose == .closeAlerts(AlertTargets(.closed, rows: [[1: .open, 2: .open]], named: [1])))
        driver.press(.right, .enter)
        #expect(driver.repository.statusCalls.last?.written == [1, 2])
        #expect(driver.state.message == .success("closed 2 alerts (one connection)"))
    }

    @Test("an alert alone on its connection is one alert to a, c and o")
    func aloneOnItsConnection() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab, .enter, .character("o"))
        #expect(driver.state.route == .alert(3))
        #expect(driver.repository.statusCalls.last?.written == [3])
        driver.press(.character("c"))
        #expect(try #require(driver.form).title == "Close 1 alert")
    }

    @Test("the alert screen's help and hints say the keys act on the connection")
    func alertHelpStatesTheScope() {
        for action in [Action.acknowledge, .close, .reopen] {
            let help = Keymap.bindings.first { $0.context == .alert && $0.action == action }?.help ?? ""
            #expect(help.contains("alerts of its connection"), "\(action): \(help)")
        }
        #expect(Keymap.markdown().contains("| `c` | Close this alert and the open and acknowledged alerts of its connection with a reason"))
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
        #expect(driver.repository.statusCalls.last?.written == [1])
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
        #expect(driver.state.host?.marked == [1: [1: .open, 2: .open]])
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
        var driver = StateDriver.longFinanceList()
        let first = try #require(driver.state.host?.alerts.row(at: 0))
        driver.press(.character(" "))
        #expect(driver.state.host?.marked == [first.id: first.alertStatuses])
        driver.press(.character("G"), .character(" "))
        #expect(driver.state.host?.alerts.selectedRow?.alertIDs == [1, 2])
        #expect(driver.state.host?.alerts.row(at: 0) == nil, "the first row is no longer loaded")
        driver.press(.character("a"))
        let question = try #require(driver.confirmation)
        #expect(question.title == "Acknowledge 3 alerts (2 connections)?")
        #expect(question.lines == ["1 marked connection is not in the rows loaded (scrolled far off, or gone from the list since): their alerts are counted as they were marked."])
        #expect(driver.repository.statusCalls.isEmpty)
        driver.press(.character("y"))
        #expect(driver.repository.statusCalls.last?.written == ([1, 2] + first.alertIDs).sorted())
    }

    @Test("the question before marks scrolled far off ends its title at the count; what stays as it is goes in its lines")
    func unseenMarkQuestionSaysWhatStays() throws {
        var driver = StateDriver.longFinanceList()
        try driver.repository.setStatus(.closed, alertIDs: [2], reason: "benign", actor: "ana")
        driver.press(.ctrl("l"), .character(" "), .character("G"), .character(" "))
        #expect(driver.state.host?.alerts.selectedRow?.alertStatuses == [1: .open, 2: .closed])
        driver.press(.character("a"))
        let question = try #require(driver.confirmation)
        #expect(question.title == "Acknowledge 2 alerts?")
        #expect(question.lines.first == "1 closed alert stays closed")
        #expect(question.lines.dropFirst().first?.hasPrefix("1 marked connection is not in the rows loaded") == true)
    }

    @Test("closing marks scrolled far off asks after the reason")
    func unseenMarkIsAskedAfterTheCloseForm() throws {
        var driver = StateDriver.longFinanceList()
        driver.press(.character(" "), .character("G"), .character("c"))
        #expect(try #require(driver.form).title == "Close 1 alert")
        driver.press(.right, .enter)
        let question = try #require(driver.confirmation)
        #expect(question.title == "Close 1 alert?")
        #expect(question.lines.first == "Reason: true positive")
        #expect(driver.repository.statusCalls.isEmpty)
    }
}

/// What the analyst named moves whatever its status; what only comes along (the connection's other
/// alerts, a row's, the marks') moves only forward, and a row with nothing to move forward asks.
@Suite("forward only")
struct ForwardOnlyTests {
    /// The driver on the alert screen of alert 1 (alerts 1 and 2 are one connection), after
    /// `setup` wrote statuses as another analyst would.
    private static func onAlertOne(_ setup: (InMemoryTriageRepository) throws -> Void) rethrows -> StateDriver {
        var driver = StateDriver()
        try setup(driver.repository)
        driver.press(.enter, .tab, .character("j"), .enter)
        return driver
    }

    /// The driver on the finance host's row of alerts 1 and 2, after `setup`.
    private static func onConnectionRow(_ setup: (InMemoryTriageRepository) throws -> Void) rethrows -> StateDriver {
        var driver = StateDriver()
        try setup(driver.repository)
        driver.press(.enter, .tab, .character("j"))
        return driver
    }

    /// Alert 1 acknowledged and alert 2 closed, as another analyst would leave them.
    private static func acknowledgeOneCloseTwo(_ repository: InMemoryTriageRepository) throws {
        try repository.setStatus(.acknowledged, alertIDs: [1], reason: nil, actor: "ana")
        try repository.setStatus(.closed, alertIDs: [2], reason: "benign", actor: "ana")
    }

    /// Presses `key`, expects the question `title` with nothing written yet, answers y and
    /// returns the one write y made.
    private static func yesTo(_ driver: inout StateDriver, _ key: Character,
                              asking title: String) throws -> InMemoryTriageRepository.StatusCall? {
        let calls = driver.repository.statusCalls.count
        driver.press(.character(key))
        #expect(try #require(driver.confirmation).title == title)
        #expect(driver.repository.statusCalls.count == calls)
        driver.press(.character("y"))
        #expect(driver.repository.statusCalls.count == calls + 1, "y writes")
        return driver.repository.statusCalls.last
    }

    @Test("a on the alert screen leaves the connection's closed alert closed, and says so")
    func acknowledgeLeavesClosedSibling() throws {
        var driver = try Self.onAlertOne { try $0.setStatus(.closed, alertIDs: [2], reason: "benign", actor: "ana") }
        #expect(driver.state.route == .alert(1))
        driver.press(.character("a"))
        #expect(driver.repository.statusCalls.last?.written == [1])
        #expect(try driver.repository.alert(id: 2)?.status == .closed)
        #expect(driver.state.message == .success("acknowledged 1 alert; 1 closed alert left closed"))
        #expect(driver.screen(color: false).text().contains("acknowledged 1 alert; 1 closed alert left closed"))
    }

    @Test("the alert in view is acknowledged even when closed; its closed sibling stays closed")
    func namedAlertMovesWhateverItsStatus() throws {
        var driver = try Self.onAlertOne { try $0.setStatus(.closed, alertIDs: [1, 2], reason: "benign", actor: "ana") }
        driver.press(.character("a"))
        #expect(driver.confirmation == nil, "the alert named is acted on without a question")
        #expect(driver.repository.statusCalls.last?.written == [1])
        #expect(try driver.repository.alert(id: 1)?.status == .acknowledged)
        #expect(try driver.repository.alert(id: 2)?.status == .closed)
    }

    @Test("o on the alert screen leaves the connection's acknowledged alert acknowledged")
    func reopenLeavesAcknowledgedSibling() throws {
        var driver = try Self.onAlertOne {
            try $0.setStatus(.closed, alertIDs: [1], reason: "benign", actor: "ana")
            try $0.setStatus(.acknowledged, alertIDs: [2], reason: nil, actor: "ana")
        }
        driver.press(.character("o"))
        #expect(driver.repository.statusCalls.last?.written == [1])
        #expect(try driver.repository.alert(id: 2)?.status == .acknowledged)
        #expect(driver.state.message == .success("reopened 1 alert; 1 acknowledged alert left acknowledged"))
    }

    @Test("a on a host row acknowledges its open alert and leaves its closed one closed")
    func rowAcknowledgeLeavesClosed() throws {
        var driver = try Self.onConnectionRow { try $0.setStatus(.closed, alertIDs: [2], reason: "benign", actor: "ana") }
        #expect(driver.state.host?.alerts.selectedRow?.alertIDs == [1, 2])
        driver.press(.character("a"))
        #expect(driver.repository.statusCalls.last?.written == [1])
        #expect(try driver.repository.alert(id: 2)?.status == .closed)
        #expect(driver.state.message == .success("acknowledged 1 alert; 1 closed alert left closed"))
    }

    @Test("a on a row whose alerts are all closed asks, and acknowledges them only on y")
    func allClosedRowAsks() throws {
        var driver = try Self.onConnectionRow { try $0.setStatus(.closed, alertIDs: [1, 2], reason: "benign", actor: "ana") }
        let calls = driver.repository.statusCalls.count
        driver.press(.character("a"))
        let question = try #require(driver.confirmation)
        #expect(question.title == "All 2 alerts of this connection are closed: acknowledge them (takes them out of closed)?")
        let screen = driver.screen(color: false).text()
        #expect(screen.contains("All 2 alerts of this connection are closed"))
        #expect(screen.contains("y yes    n no"), "the title wrapped inside the box leaves room for the y/n line")
        #expect(driver.repository.statusCalls.count == calls)
        driver.press(.character("n"))
        #expect(driver.repository.statusCalls.count == calls)
        driver.press(.character("a"), .character("y"))
        #expect(driver.repository.statusCalls.count == calls + 1, "y writes")
        #expect(driver.repository.statusCalls.last?.written == [1, 2])
        #expect(try [1, 2].map { try driver.repository.alert(id: $0)?.status } == [.acknowledged, .acknowledged])
        #expect(driver.state.message == .success("acknowledged 2 alerts (one connection)"))
    }

    @Test("o on a row whose alerts are all acknowledged asks before taking the acknowledgement back")
    func allAcknowledgedRowAsksBeforeReopening() throws {
        var driver = try Self.onConnectionRow { try $0.setStatus(.acknowledged, alertIDs: [1, 2], reason: nil, actor: "ana") }
        let call = try Self.yesTo(&driver, "o",
                                  asking: "All 2 alerts of this connection are acknowledged: reopen them (takes them out of acknowledged)?")
        #expect(call?.written == [1, 2])
        #expect(try [1, 2].map { try driver.repository.alert(id: $0)?.status } == [.open, .open])
    }

    @Test("marks whose alerts are all closed or acknowledged already ask before a, and count both")
    func marksWithNothingForwardAsk() throws {
        var driver = StateDriver()
        try driver.repository.setStatus(.closed, alertIDs: [1, 2], reason: "benign", actor: "ana")
        // Alert 3 (the first row) is acknowledged already.
        driver.press(.enter, .tab, .character(" "), .character(" "), .character("a"))
        let question = try #require(driver.confirmation)
        #expect(question.title
                    == "The 2 marked connections hold 2 closed alerts and 1 already acknowledged: acknowledge the closed ones (takes them out of closed)?")
        let calls = driver.repository.statusCalls.count
        driver.press(.character("y"))
        #expect(driver.repository.statusCalls.count == calls + 1, "y writes")
        #expect(driver.repository.statusCalls.last?.written == [1, 2])
        #expect(try driver.repository.alert(id: 1)?.status == .acknowledged)
        #expect(driver.state.message == .success("acknowledged 2 alerts (one connection); 1 already acknowledged"))
    }

    @Test("under a status filter the question speaks of the alerts the row lists, not of its connection")
    func filteredRowQuestionSaysRow() throws {
        // Alert 2 closed, alert 1 open: one connection, whose row lists only alert 2 under f closed.
        var driver = try Self.onConnectionRow { try $0.setStatus(.closed, alertIDs: [2], reason: "benign", actor: "ana") }
        while driver.state.host?.statusFilter != .closed { driver.press(.character("f")) }
        #expect(driver.state.host?.alerts.rows.map(\.alertIDs) == [[2]])
        driver.press(.character("a"))
        #expect(try #require(driver.confirmation).title == "This row lists 1 closed alert: acknowledge it (takes it out of closed)?")
        driver.press(.character("n"), .character(" "), .character("a"))
        #expect(try #require(driver.confirmation).title == "The marked row lists 1 closed alert: acknowledge it (takes it out of closed)?")
    }

    @Test("a row holding closed alerts and alerts already acknowledged says both")
    func rowHoldsHeldAndDone() throws {
        var driver = try Self.onConnectionRow(Self.acknowledgeOneCloseTwo)
        driver.press(.character("a"))
        #expect(try #require(driver.confirmation).title
                    == "This connection holds 1 closed alert and 1 already acknowledged: acknowledge the closed one (takes it out of closed)?")
    }

    @Test("a on the alert screen when the alert in view is acknowledged already and its sibling closed asks, and y acknowledges the sibling")
    func alertScreenWithNothingForwardAsks() throws {
        var driver = try Self.onAlertOne(Self.acknowledgeOneCloseTwo)
        let call = try Self.yesTo(&driver, "a", asking: "This connection holds 1 closed alert and 1 already acknowledged: "
                                      + "acknowledge the closed one (takes it out of closed)?")
        #expect(call?.named == [1, 2], "the alerts the question named go as named")
        #expect(try driver.repository.alert(id: 2)?.status == .acknowledged)
        #expect(driver.state.message == .success("acknowledged 1 alert; 1 already acknowledged"))
    }

    @Test("the held question for marks not all loaded carries the marks-not-loaded lines")
    func heldQuestionSaysMarksNotLoaded() throws {
        var driver = StateDriver.longFinanceList()
        let first = try #require(driver.state.host?.alerts.row(at: 0))
        try driver.repository.setStatus(.closed, alertIDs: first.alertIDs + [1, 2], reason: "benign", actor: "ana")
        driver.press(.ctrl("l"), .character(" "), .character("G"), .character(" "), .character("a"))
        let question = try #require(driver.confirmation)
        #expect(question.title == "All 3 alerts of the 2 marked connections are closed: acknowledge them (takes them out of closed)?")
        #expect(question.lines == ["1 marked connection is not in the rows loaded (scrolled far off, or gone from the list since): their alerts are counted as they were marked."])
    }

    @Test("c on a row counts only the alerts it closes in the form")
    func closeFormCountsWhatItCloses() throws {
        var driver = try Self.onConnectionRow(Self.acknowledgeOneCloseTwo)
        driver.press(.character("c"))
        #expect(try #require(driver.form).title == "Close 1 alert; 1 already closed")
        driver.press(.right, .enter)
        #expect(driver.repository.statusCalls.last?.written == [1])
        #expect(driver.state.message == .success("closed 1 alert; 1 already closed"))
    }
}

/// A status key decides when the store writes, not when the list loaded: a change another writer
/// made meanwhile is respected, and the message counts what was written.
@Suite("statuses changed meanwhile")
struct StaleStatusTests {
    @Test("a on a row whose sibling another analyst closed after the row loaded leaves it closed")
    func staleRow() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab, .character("j"))
        #expect(driver.state.host?.alerts.selectedRow?.alertStatuses == [1: .open, 2: .open])
        try driver.repository.setStatus(.closed, alertIDs: [2], reason: "benign", actor: "someone else")
        driver.press(.character("a"))
        #expect(driver.repository.statusCalls.last?.written == [1])
        #expect(try driver.repository.alert(id: 2)?.status == .closed)
        #expect(driver.state.message == .success("acknowledged 1 alert; 1 changed meanwhile, left as it is"))
    }

    @Test("a on the alert screen leaves a sibling closed since the alert loaded, and says so")
    func staleAlertScreen() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab, .character("j"), .enter)
        #expect(driver.state.alert?.connection == [1: .open, 2: .open])
        try driver.repository.setStatus(.closed, alertIDs: [2], reason: "benign", actor: "someone else")
        driver.press(.character("a"))
        #expect(try driver.repository.alert(id: 1)?.status == .acknowledged)
        #expect(try driver.repository.alert(id: 2)?.status == .closed)
        #expect(driver.state.message == .success("acknowledged 1 alert; 1 changed meanwhile, left as it is"))
    }

    @Test("an alert the close form counted that was closed meanwhile keeps its reason and is not counted as closed")
    func staleCloseForm() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab, .character("j"), .character("c"))
        #expect(try #require(driver.form).title == "Close 2 alerts (one connection)")
        try driver.repository.setStatus(.closed, alertIDs: [2], reason: "duplicate", actor: "someone else")
        driver.press(.right, .enter)
        #expect(driver.repository.statusCalls.last?.written == [1])
        #expect(try driver.repository.alert(id: 2)?.closeReason == "duplicate", "the other analyst's close stands")
        #expect(driver.state.message == .success("closed 1 alert; 1 changed meanwhile, left as it is"))
    }

    @Test("a mark scrolled far off whose alerts were closed since it was marked stays closed on y")
    func staleUnseenMark() throws {
        var driver = StateDriver.longFinanceList()
        let first = try #require(driver.state.host?.alerts.row(at: 0))
        driver.press(.character(" "), .character("G"), .character(" "))
        try driver.repository.setStatus(.closed, alertIDs: first.alertIDs, reason: "benign", actor: "someone else")
        driver.press(.character("a"))
        #expect(try #require(driver.confirmation).title.hasPrefix("Acknowledge 3 alerts (2 connections)"))
        driver.press(.character("y"))
        #expect(try first.alertIDs.allSatisfy { try driver.repository.alert(id: $0)?.status == .closed })
        #expect(driver.state.message == .success("acknowledged 2 alerts (one connection); 1 changed meanwhile, left as it is"))
    }

    @Test("when everything changed meanwhile nothing is written, and the message says why")
    func everythingChangedMeanwhile() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab, .character("j"))
        try driver.repository.setStatus(.closed, alertIDs: [1, 2], reason: "benign", actor: "someone else")
        driver.press(.character("a"))
        #expect(driver.repository.statusCalls.last?.written == [])
        #expect(driver.state.message == .info("no alert changed: 2 changed meanwhile, left as they are"))
    }
}

extension StateDriver {
    /// On the finance host's alerts pane with 300 more connections: its first row is no longer
    /// loaded once `G` went to the last (alerts 1 and 2).
    static func longFinanceList() -> StateDriver {
        var fixture = Fixture.standard()
        fixture.addFinanceConnections(300) { IPAddress(ipv4: 0x5102_4500 | UInt32($0 % 200 + 1)) }
        var driver = StateDriver(fixture: fixture)
        driver.press(.enter, .tab)
        return driver
    }
}
