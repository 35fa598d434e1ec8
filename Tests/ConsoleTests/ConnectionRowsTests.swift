@testable import Console
import Detection
import Foundation
import ScreenCore
import Testing
import TriageModel

/// The host screen: one alert row per connection, its header following the rows, destinations in
/// triage order, the "new" flag explained.
@Suite("host screen rows")
struct ConnectionRowsTests {
    @Test("a host's alerts list one row per connection; the pane and the status line count connections and alerts")
    func groupedRows() {
        var driver = StateDriver()
        driver.press(.enter, .tab, .character("j"))
        let row = driver.state.host?.alerts.selectedRow
        #expect(row?.idText == "1+1")
        #expect(row?.sensors == ["packetbeat", "pan-os", "zeek"])
        #expect(row?.noteCount == 2)
        #expect(row?.bytesSent == 30_000_000, "the largest any sensor reported, never the sum")
        let text = view(driver.state, color: false).text()
        #expect(text.contains("Alerts · 2 connections · 3 alerts"))
        #expect(StatusSummary.text(driver.state).hasSuffix("connection 2 of 2 · 3 alerts"))
    }

    @Test("the status filter keeps the rows with an alert in that status")
    func statusFilter() {
        var driver = StateDriver()
        driver.press(.enter, .character("f"))
        #expect(driver.state.host?.statusFilter == .open)
        #expect(driver.state.host?.alerts.rows.map(\.alertIDs) == [[1, 2]])
        driver.press(.character("f"))
        #expect(driver.state.host?.alerts.rows.map(\.alertIDs) == [[3]])
        #expect(view(driver.state, color: false).text().contains("Alerts · 1 connection · 1 alert · acknowledged only"))
    }

    @Test("a row's status is the most open of its alerts'")
    func mostOpenStatus() throws {
        var driver = StateDriver()
        driver.press(.enter)
        // Straight to the repository: the console's own writes reach the whole connection.
        _ = try driver.repository.setStatus(.closed, alertIDs: [2], reason: nil, actor: "tester")
        driver.press(.ctrl("l"), .tab, .character("j"))
        let row = driver.state.host?.alerts.selectedRow
        #expect(row?.statusCounts == [.open: 1, .closed: 1])
        #expect(row?.status == .open)
    }

    @Test("Enter on a row opens its first alert; ] and [ step through the other alerts of its connection")
    func openAndStep() {
        var driver = StateDriver()
        driver.press(.enter, .tab, .character("j"), .enter)
        #expect(driver.state.route == .alert(1))
        #expect(driver.state.alert?.connectionIDs == [1, 2])
        #expect(view(driver.state, color: false).text().contains("alert 1 of 2 (1, 2)"))
        driver.press(.character("]"))
        #expect(driver.state.route == .alert(2))
        #expect(driver.state.alert?.record?.id == 2)
        driver.press(.character("]"))
        #expect(driver.state.route == .alert(1), "wraps around")
        driver.press(.character("["))
        #expect(driver.state.route == .alert(2))
        driver.press(.escape)
        #expect(driver.state.route == .host(Fixture.finance))
    }

    @Test("] on an alert alone on its connection says there is no other")
    func stepAlone() {
        var driver = StateDriver()
        driver.press(.enter, .tab, .enter)
        #expect(driver.state.route == .alert(3))
        driver.press(.character("]"))
        #expect(driver.state.route == .alert(3))
        #expect(driver.state.message == .info("no other alert on this connection"))
    }

    @Test("the host header follows the rows: its counts change with an acknowledgement")
    func headerRefreshes() {
        var driver = StateDriver()
        driver.press(.enter)
        #expect(view(driver.state, color: false).text().contains("· 2 open · 1 ack · 0 closed"))
        driver.press(.tab, .character("j"), .character("a"))
        #expect(view(driver.state, color: false).text().contains("· 0 open · 3 ack · 0 closed"))
    }

    @Test("the host header shows counts when the host is reached with :host")
    func headerThroughCommand() {
        var driver = StateDriver()
        driver.press(.character(":"))
        driver.type("host 10.1.2.3")
        driver.press(.enter)
        #expect(driver.state.host?.summary?.address == Fixture.finance)
        #expect(view(driver.state, color: false).text().contains("· 2 open · 1 ack · 0 closed · "))
    }

    @Test("destinations: open alerts first, then the other external ones, then internal; the cursor starts on the first")
    func destinationOrder() {
        let now = Fixture.now
        func destination(_ text: String, open: Int, external: Bool, lastSeen: TimeInterval) -> DestinationSummary {
            DestinationSummary(address: IPAddress(text)!, ports: [445], connections: 1, bytesSent: 1, bytesReceived: 1,
                               firstSeen: now - 86400, lastSeen: now - lastSeen, isExternal: external, isNewForHost: false,
                               openAlerts: open, acknowledgedAlerts: 0, closedAlerts: 0)
        }
        let stored = [
            destination("10.9.9.9", open: 0, external: false, lastSeen: 10),
            destination("1.1.1.1", open: 0, external: true, lastSeen: 20),
            destination("8.8.8.8", open: 3, external: true, lastSeen: 900),
            destination("9.9.9.9", open: 1, external: true, lastSeen: 30),
        ]
        #expect(HostState.triageOrder(stored).map(\.address.description) == ["9.9.9.9", "8.8.8.8", "1.1.1.1", "10.9.9.9"])
        var driver = StateDriver()
        driver.press(.enter)
        driver.state.host = HostState(address: Fixture.finance)
        driver.send(.destinationsLoaded(Fixture.finance, stored))
        #expect(driver.state.host?.selectedDestination?.address.description == "9.9.9.9")
    }

    @Test("the destinations pane says what the new flag means when a destination carries it")
    func newLegend() {
        var driver = StateDriver()
        driver.press(.enter)
        #expect(view(driver.state, color: false).text().contains("new: external, first contacted 1 h or more after this host's first SMB activity"))
        let help = HelpView.helpLines(box: HelpView.helpBox(driver.state.layout), theme: Theme(color: false)).map(\.text)
        #expect(help.contains { $0.contains("first contacted 1 h or more after") })
    }
}
