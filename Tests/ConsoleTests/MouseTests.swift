@testable import Console
import Detection
import Foundation
import ScreenCore
import Testing
import TriageModel

/// The mouse (`--mouse`): clicks and the wheel land on the row the view draws under the pointer.
@Suite("mouse")
struct MouseTests {
    private func mouse(_ action: MouseEvent.Action, row: Int, column: Int = 20) -> Msg {
        .input(.mouse(MouseEvent(action: action, position: CellPosition(row: row, column: column))))
    }

    /// The screen rows of `driver`'s screen, as text.
    private func lines(_ driver: StateDriver) -> [Substring] {
        driver.screen(color: false).text().split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The first screen row that shows `text`.
    private func row(showing text: String, _ driver: StateDriver) -> Int? {
        lines(driver).firstIndex { $0.contains(text) }
    }

    /// Whether the view draws the selection marker on screen row `row`.
    private func showsSelection(onRow row: Int, _ driver: StateDriver) -> Bool {
        lines(driver)[row].dropFirst().hasPrefix("›")
    }

    /// A fixture with `extra` more hosts than the standard one, for lists longer than the screen.
    private func manyHosts(_ extra: Int) -> Fixture {
        var fixture = Fixture.standard()
        fixture.hosts += (0..<extra).map { index in
            HostSummary(address: IPAddress(ipv4: 0x0A05_0000 + UInt32(index)), hostName: "WS-\(index)", openAlerts: 1,
                        acknowledgedAlerts: 0, closedAlerts: 0, externalDestinations: 1, bytesOut: 1_000,
                        firstSeen: Fixture.now - 3_600, lastSeen: Fixture.now - 60, highestRisk: 73)
        }
        return fixture
    }

    @Test("a click selects the host drawn under the pointer; a double click opens it, as Enter does")
    func clickSelectsAndDoubleClickOpens() throws {
        var driver = StateDriver()
        driver.press(.character("a"))
        let buildRow = try #require(row(showing: "build-server", driver))
        driver.send(mouse(.click, row: buildRow))
        #expect(driver.state.hosts.list.selectedRow?.address == Fixture.build)
        #expect(driver.state.routes == [.hosts])
        let marked = showsSelection(onRow: buildRow, driver)
        #expect(marked)
        let printerRow = try #require(row(showing: "192.168.7.9", driver))
        driver.send(mouse(.doubleClick, row: printerRow))
        #expect(driver.state.routes == [.hosts, .host(Fixture.printer)])
    }

    @Test("every row of every list: a click there selects the row the view then marks there", arguments: [40, 24, 15])
    func clickLandsWhereTheViewDraws(height: Int) {
        let width = height == 15 ? 60 : 120
        var driver = StateDriver(width: width, height: height, fixture: manyHosts(40))
        driver.press(.character("a"))
        checkEveryRow(of: driver.state.layout.hostsList, &driver)
        driver.press(.character(":"))
        driver.type("host \(Fixture.finance)")
        driver.press(.enter)
        let host = driver.state.listAreas
        #expect(host.map(\.list) == [.destinations, .hostAlerts])
        for area in host { checkEveryRow(of: area, &driver) }
        driver.press(.character("H"))
        checkEveryRow(of: driver.state.layout.historyFlowsList, &driver)
        driver.press(.character("E"))
        checkEveryRow(of: driver.state.layout.exceptionsList, &driver)
    }

    /// Clicks each screen row of `area`: where the view draws a list row, the view then marks it
    /// selected; a click on an empty row changes nothing.
    private func checkEveryRow(of area: ListArea, _ driver: inout StateDriver) {
        var clicked = 0
        for screenRow in (area.headerRow + 1)...(area.headerRow + area.rows) {
            let before = driver.state
            let showsARow = !lines(driver)[screenRow].trimmingCharacters(in: .whitespaces).isEmpty
            driver.send(mouse(.click, row: screenRow))
            if showsARow {
                clicked += 1
                let marked = showsSelection(onRow: screenRow, driver)
                #expect(marked, "\(area.list): clicked screen row \(screenRow), the view marks another")
            } else {
                let unchanged = driver.state == before
                #expect(unchanged, "\(area.list): a click on empty screen row \(screenRow) changed the state")
            }
        }
        #expect(clicked > 1, "\(area.list): fewer than two rows to click")
    }

    @Test("on the host screen a click focuses the pane it lands in; a double click on a destination filters the alerts")
    func clickFocusesThePane() throws {
        var driver = StateDriver()
        driver.press(.enter)
        #expect(driver.state.routes == [.hosts, .host(Fixture.finance)])
        #expect(driver.state.host?.pane == .destinations)
        let alerts = driver.state.layout.hostAlertsList(destinationCount: driver.state.host?.destinations.count ?? 0)
        driver.send(mouse(.click, row: alerts.headerRow + 2))
        #expect(driver.state.host?.pane == .alerts)
        #expect(driver.state.host?.alerts.selectedRow?.id == driver.state.host?.alerts.rows[1].id)
        let azureRow = try #require(row(showing: "20.60.1.2", driver))
        driver.send(mouse(.doubleClick, row: azureRow))
        #expect(driver.state.host?.destinationFilter == Fixture.azure, "opened from the destinations pane, which the click focused")
    }

    @Test("clicks on no row, on the frame, or under a form do nothing")
    func clicksElsewhereDoNothing() {
        var driver = StateDriver()
        driver.press(.character("a"))
        let area = driver.state.layout.hostsList
        let before = driver.state
        for row in [0, area.headerRow, area.headerRow + 4, driver.state.layout.statusRow, driver.state.layout.hintsRow] {
            driver.send(mouse(.click, row: row))
            driver.send(mouse(.doubleClick, row: row))
        }
        let unchanged = driver.state == before
        #expect(unchanged)
        driver.press(.enter, .character("n"))
        #expect(driver.form != nil)
        let withForm = driver.state
        driver.send(mouse(.doubleClick, row: driver.state.layout.bodyTop + 1))
        driver.send(mouse(.wheelDown, row: driver.state.layout.bodyTop + 1))
        let formUnchanged = driver.state == withForm
        #expect(formUnchanged)
    }

    @Test("the wheel moves the selection of the list under the pointer three rows")
    func wheelMovesThreeRows() {
        var driver = StateDriver(fixture: manyHosts(60))
        driver.press(.character("a"))
        let area = driver.state.layout.hostsList
        driver.send(mouse(.wheelDown, row: area.headerRow + 5))
        driver.send(mouse(.wheelDown, row: area.headerRow + 5))
        #expect(driver.state.hosts.list.cursor.selected == 6)
        driver.send(mouse(.wheelUp, row: area.headerRow + 5))
        #expect(driver.state.hosts.list.cursor.selected == 3)
        for _ in 0..<20 { driver.send(mouse(.wheelDown, row: area.headerRow + 5)) }
        #expect(driver.state.hosts.list.cursor.selected == 62, "stopped at the last of 63 hosts")
        #expect(driver.state.hosts.list.cursor.top == 62 - area.rows + 1, "the list scrolls so the selection stays in view")
    }

    @Test("on the host screen the wheel moves the pane under the pointer, not the focused one")
    func wheelMovesThePaneUnderThePointer() {
        var driver = StateDriver()
        driver.press(.enter)
        let alerts = driver.state.layout.hostAlertsList(destinationCount: driver.state.host?.destinations.count ?? 0)
        driver.send(mouse(.wheelDown, row: alerts.headerRow + 1))
        #expect(driver.state.host?.pane == .destinations)
        #expect(driver.state.host?.destinationCursor.selected == 0)
        let rows = driver.state.host?.alerts.cursor.count ?? 0
        #expect(rows > 1 && rows <= 3)
        #expect(driver.state.host?.alerts.cursor.selected == rows - 1, "three rows down, stopped at the last connection row")
    }

    @Test("over text (an overlay, the rule) the wheel scrolls three lines")
    func wheelScrollsText() {
        var driver = StateDriver()
        driver.press(.character("?"))
        driver.send(mouse(.wheelDown, row: 10))
        #expect(driver.state.overlay == .help(scroll: 3))
        driver.send(mouse(.wheelUp, row: 10))
        #expect(driver.state.overlay == .help(scroll: 0))
        driver.press(.escape, .character("R"))
        driver.send(mouse(.wheelDown, row: 10))
        #expect(driver.state.ruleScreen.scroll == 3)
    }

    @Test("the help and the docs list what the mouse does")
    func helpListsTheMouse() {
        let section = Keymap.helpSections.last
        #expect(section?.title == "Mouse (with --mouse)")
        #expect(section?.rows.map(\.keys) == ["Click", "Double click", "Wheel"])
        #expect(Keymap.markdown().contains("## Mouse (with --mouse)\n\n| keys | action |\n|---|---|\n| `Click` |"))
    }
}
