@testable import Console
import Foundation
import ScreenCore
import Testing
import TriageModel

/// `:audit`: the audit log over the screen in front, for the store, the host or the alert shown.
@Suite("audit overlay")
struct AuditTests {
    private static let entries = [
        AuditEntry(id: 3, at: Fixture.now - 60, actor: "alice", action: "alert.close", target: "uuid-2",
                   detail: "false positive \u{1B}[2J", alertID: 2, host: Fixture.finance),
        AuditEntry(id: 2, at: Fixture.now - 120, actor: "bob", action: "alert.acknowledge", target: "uuid-3",
                   detail: "", alertID: 3, host: Fixture.printer),
        AuditEntry(id: 1, at: Fixture.now - 180, actor: "alice", action: "exception.add", target: "exception-1",
                   detail: "dst 8.8.8.8"),
    ]

    private func driver(keys: [Key] = [], width: Int = 100, height: Int = 24) -> StateDriver {
        var driver = StateDriver(width: width, height: height)
        driver.repository.setAudit(Self.entries)
        for key in keys { driver.press(key) }
        driver.press(.character(":"))
        driver.type("audit")
        driver.press(.enter)
        return driver
    }

    private func shown(_ driver: StateDriver) -> [Int64] {
        guard case .audit(let log) = driver.state.overlay else { return [] }
        return log.entries?.map(\.id) ?? []
    }

    @Test(":audit on the hosts screen lists every change, escaped; Esc closes it")
    func wholeStore() {
        var driver = driver()
        #expect(driver.lastEffects == [.loadAudit(limit: AuditLog.limit)])
        #expect(shown(driver) == [3, 2, 1])
        let text = driver.screen(color: false).text()
        #expect(text.contains("Audit log · the whole store"))
        #expect(text.contains("alice  alert.close  alert 2 · 10.1.2.3  false positive \\x1b[2J"))
        #expect(!text.contains("\u{1B}"))
        driver.press(.escape)
        #expect(driver.state.overlay == nil)
    }

    @Test(":audit on a host's screen lists that host's changes, on an alert's screen that alert's")
    func scoped() {
        #expect(shown(driver(keys: [.enter])) == [3])
        let alert = driver(keys: [.enter, .tab, .enter])
        guard case .alert(let id) = alert.state.route else {
            Issue.record("the alert screen should be open")
            return
        }
        #expect(shown(alert) == Self.entries.filter { $0.alertID == id }.map(\.id))
    }

    @Test("I turns the audit log oldest first and back, and the title says which")
    func reversed() {
        var driver = driver()
        driver.press(.character("I"))
        #expect(shown(driver) == [1, 2, 3])
        #expect(driver.screen(color: false).text().contains("oldest first ▲"))
        driver.send(.auditLoaded(Self.entries))
        #expect(shown(driver) == [1, 2, 3])
        driver.press(.character("I"))
        #expect(shown(driver) == [3, 2, 1])
        #expect(driver.screen(color: false).text().contains("newest first ▼"))
    }

    @Test("the audit overlay at 80×24, 60×15 and (reversed) 120×40")
    func golden() throws {
        try Golden.check(driver(width: 80, height: 24).screen(), named: "audit-80x24")
        try Golden.check(driver(keys: [.enter], width: 60, height: 15).screen(), named: "audit-host-60x15")
        var reversed = driver(width: 120, height: 40)
        reversed.press(.character("I"))
        try Golden.check(reversed.screen(), named: "audit-reversed-120x40")
    }

    @Test("the audit overlay can be searched")
    func searched() {
        var driver = driver()
        driver.press(.character("/"))
        driver.type("exception")
        #expect(Update.searchProgress(driver.state) == "match 1 of 1")
    }
}
