@testable import Console
import Detection
import Foundation
import ScreenCore
import Testing
import TriageModel

/// The back stack: a `:` command opens a screen on top of the one in front, and `Esc` shows that
/// one again with its own host or alert, title and content agreeing, and actions acting on it.
@Suite("back stack")
struct BackStackTests {
    /// The screen's text, one string per row.
    private func rows(_ driver: StateDriver) -> [String] {
        view(driver.state, color: false).text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func command(_ driver: inout StateDriver, _ line: String) {
        driver.press(.character(":"))
        driver.type(line)
        driver.press(.enter)
    }

    /// A fixture host other than `address`.
    private func other(than address: IPAddress?) -> IPAddress {
        address == Fixture.finance ? Fixture.printer : Fixture.finance
    }

    @Test("Esc after :host shows the host before, with its pane, and S opens that host's case")
    func hostCommand() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab)
        let first = try #require(driver.state.host?.address)
        let second = other(than: first)
        command(&driver, "host \(second)")
        #expect(driver.state.routes == [.hosts, .host(first), .host(second)])
        #expect(driver.state.host?.address == second)
        driver.press(.escape)
        #expect(driver.state.routes == [.hosts, .host(first)])
        #expect(driver.state.host?.address == first)
        #expect(driver.state.host?.pane == .alerts)
        let screen = rows(driver)
        #expect(screen[0].contains("\(first)"))
        #expect(screen[1].contains("\(first)") && !screen[1].contains("\(second)"))
        #expect(!screen.joined().contains("\(second)"))
        driver.press(.character("S"))
        #expect(driver.form?.title.contains("Case of \(first)") == true)
        driver.press(.escape, .escape)
        #expect(driver.state.routes == [.hosts])
    }

    @Test("Esc after :alert shows the alert before, and o reopens that alert")
    func alertCommand() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab, .enter)
        let first = try #require(driver.state.alert?.id)
        let second: Int64 = first == 5 ? 4 : 5
        command(&driver, "alert \(second)")
        #expect(driver.state.alert?.record?.id == second)
        driver.press(.escape)
        #expect(driver.state.route == .alert(first))
        #expect(driver.state.alert?.id == first)
        #expect(driver.state.alert?.record?.id == first)
        driver.press(.character("o"))
        let reopened = try #require(driver.repository.statusCalls.last)
        #expect(reopened.named == [first])
        #expect(!(reopened.named + reopened.comingAlong).contains(second))
    }

    @Test("] to an alert the stack holds already goes back to it: no screen is in the stack twice")
    func stepToAnAlertBelow() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab)
        let row = try #require(driver.state.host?.alerts.cursor.count)
        for _ in 0..<row where (driver.state.host?.alerts.selectedRow?.alertIDs.count ?? 0) < 2 { driver.press(.character("j")) }
        driver.press(.enter)
        let connection = try #require(driver.state.alert?.connection)
        try #require(connection.count > 1)
        let first = try #require(driver.state.alert?.id)
        driver.press(.character("]"))
        let second = try #require(driver.state.alert?.id)
        #expect(second != first)
        command(&driver, "alert \(first)")
        driver.press(.character("]"))
        #expect(driver.state.routes.filter { $0 == .alert(second) }.count == 1, "\(driver.state.routes)")
        #expect(driver.state.route == .alert(second) && driver.state.alert?.record?.id == second)
        #expect(Set(driver.state.routes).count == driver.state.routes.count)
    }

    @Test(":alert of an id no alert has stays on the screen before and says so")
    func unknownAlert() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab, .enter)
        let first = try #require(driver.state.alert?.id)
        command(&driver, "alert 987654")
        #expect(driver.state.route == .alert(first))
        #expect(driver.state.alert?.record?.id == first)
        #expect(driver.state.message == .error("no alert 987654 in the store"))
    }

    @Test("Esc after :history shows the history before with its own flows")
    func historyCommand() throws {
        var driver = StateDriver()
        driver.press(.enter, .character("H"))
        let first = try #require(driver.state.history?.address)
        let second = other(than: first)
        command(&driver, "history \(second)")
        #expect(driver.state.history?.address == second)
        driver.press(.escape)
        #expect(driver.state.routes == [.hosts, .host(first), .history(first)])
        #expect(driver.state.history?.address == first)
        let flows = try #require(driver.state.history?.flows.rows)
        #expect(!flows.isEmpty)
        #expect(flows.allSatisfy { $0.event.sourceIPs == [first] })
        #expect(!rows(driver).joined().contains("\(second)"))
    }

    @Test("a screen under several others keeps its selection: host, alert of another host, that host, back twice")
    func deepStack() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab, .character("j"))
        let first = try #require(driver.state.host)
        let second = other(than: first.address)
        command(&driver, "alert \(second == Fixture.finance ? 3 : 5)")
        driver.press(.character("H"))
        command(&driver, "host \(second)")
        driver.press(.escape, .escape, .escape)
        #expect(driver.state.routes == [.hosts, .host(first.address)])
        #expect(driver.state.host?.address == first.address)
        #expect(driver.state.host?.pane == first.pane)
        #expect(driver.state.host?.alerts.cursor.selected == first.alerts.cursor.selected)
        #expect(driver.state.coveredScreens.isEmpty)
    }

    @Test(":host of an address the store does not hold says so and stays put")
    func unknownAddress() {
        var driver = StateDriver()
        driver.press(.enter)
        let before = driver.state.routes
        command(&driver, "host 10.99.0.1")
        #expect(driver.state.routes == before)
        #expect(driver.state.message == .error("no host 10.99.0.1 in the store"))
        command(&driver, "history 10.99.0.1")
        #expect(driver.state.routes == before)
    }

    @Test(":host and :history take a hostname, as the commands do; an unknown one says so")
    func hostName() {
        var driver = StateDriver()
        command(&driver, "host BUILD-SERVER")
        #expect(driver.state.routes == [.hosts, .host(Fixture.build)])
        #expect(driver.state.host?.summary?.hostName == "build-server")
        command(&driver, "history build-server")
        #expect(driver.state.routes == [.hosts, .host(Fixture.build), .history(Fixture.build)])
        command(&driver, "host no-such-pc")
        #expect(driver.state.routes == [.hosts, .host(Fixture.build), .history(Fixture.build)])
        #expect(driver.state.message == .error("no host named no-such-pc in the store"))
    }

    @Test(":host of a hostname two hosts share lists them and stays put")
    func ambiguousName() {
        var fixture = Fixture.standard()
        fixture.hosts[2].hostName = "build-server.corp.example"
        fixture.hosts[1].hostName = "BUILD-SERVER.corp.example"
        var driver = StateDriver(fixture: fixture)
        command(&driver, "host build-server")
        #expect(driver.state.routes == [.hosts])
        #expect(driver.state.message == .error("the hostname build-server names 2 hosts (10.1.2.4, 192.168.7.9): give the address of one"))
    }
}
