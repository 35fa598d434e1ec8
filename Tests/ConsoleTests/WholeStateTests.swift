@testable import Console
import Detection
import Foundation
import ScreenCore
import Testing
import TriageModel

/// One message at a time against a loaded state, comparing the whole state after it with the
/// state before plus exactly the expected change.
@Suite("update, whole state")
struct WholeStateTests {
    private func loaded(_ keys: Key...) -> ConsoleState {
        var driver = StateDriver()
        for key in keys { driver.press(key) }
        return driver.state
    }

    @Test("j moves the selection one row and changes nothing else")
    func down() {
        var state = loaded()
        var expected = state
        let effects = update(&state, .input(.key(.character("j"))))
        expected.hosts.list.cursor.selected = 1
        #expect(state == expected)
        #expect(effects.isEmpty)
    }

    @Test("Enter pushes the host screen with the row it came from and asks for its data")
    func drillIn() {
        var state = loaded()
        var expected = state
        let effects = update(&state, .input(.key(.enter)))
        let host = expected.hosts.list.rows[0]
        expected.routes = [.hosts, .host(host.address)]
        expected.host = HostState(address: host.address, summary: host)
        #expect(state == expected)
        // The destinations are not loaded yet: the page is sized for the alerts pane the row's
        // external destinations leave (it lists those at least), not for the whole body.
        let visible = state.layout.hostAlertRows(destinationCount: host.externalDestinations)
        #expect(effects == [.loadDestinations(host.address), .loadHostCase(host.address),
                            .loadConnections(AlertQuery(host: host.address), reversed: false, offset: 0, limit: visible * 3)])
    }

    @Test("Esc pops back to the hosts, keeping the host screen's state for a return visit")
    func drillOut() {
        var state = loaded(.enter)
        var expected = state
        let effects = update(&state, .input(.key(.escape)))
        expected.routes = [.hosts]
        #expect(state == expected)
        #expect(effects == [.loadHosts(HostsState.attention, .attention, reversed: false, offset: 0, limit: state.layout.hostRows * 3)])
    }

    @Test("Space marks the selected alert and moves down")
    func mark() throws {
        var state = loaded(.enter, .tab)
        var expected = state
        _ = update(&state, .input(.key(.character(" "))))
        let first = try #require(expected.host?.alerts.rows.first)
        expected.host?.marked = [first.id: first.alertStatuses]
        expected.host?.alerts.cursor.selected = 1
        #expect(state == expected)
    }

    @Test("c opens the reason form for the selected alert and nothing else")
    func closeForm() throws {
        var state = loaded(.enter, .tab)
        var expected = state
        let effects = update(&state, .input(.key(.character("c"))))
        let alert = try #require(expected.host?.alerts.rows.first)
        expected.overlay = .form(Form(title: "Close 1 alert", purpose: .closeAlerts(AlertTargets(.closed, rows: [alert.alertStatuses])), fields: [
            .choice(label: "Reason", options: Update.closeReasons, selected: nil),
            .text(label: "Details", value: TextField(), hint: "optional; required for other"),
        ]))
        #expect(state == expected)
        #expect(effects.isEmpty)
    }

    @Test("a status result reports the change, clears the marks and reloads what is on screen")
    func statusResult() {
        var state = loaded(.enter, .tab, .character(" "))
        var expected = state
        let effects = update(&state, .statusSet(AlertStatusChange(to: .acknowledged, alerts: [3: .open]), targets: nil))
        expected.host?.marked = [:]
        expected.message = .success("acknowledged 1 alert")
        #expect(state == expected)
        #expect(effects.last == .pollChangeToken(reload: false))
        #expect(effects.contains(.loadDestinations(Fixture.finance)))
    }
}
