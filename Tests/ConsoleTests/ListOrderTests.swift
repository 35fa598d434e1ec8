@testable import Console
import Foundation
import ScreenCore
import Testing
import TriageModel

/// Every list shows its order (▼/▲ after the sorted column's title, or in its title) and `I` reverses it.
@Suite("list order")
struct ListOrderTests {
    private func header(_ driver: StateDriver, containing title: String) -> String? {
        driver.screen(color: false).text().split(separator: "\n").map(String.init).first { $0.contains(title) }
    }

    @Test("the history is newest first (TIME ▼); I asks the store for the oldest first and marks TIME ▲")
    func history() {
        var driver = StateDriver()
        driver.press(.character("H"))
        #expect(header(driver, containing: "TIME ▼") != nil)
        #expect(driver.state.history?.flows.rows.map(\.id) == [4, 3, 2, 1])
        driver.press(.character("j"), .character("I"))
        #expect(driver.lastEffects.contains { effect in
            if case .loadHistory(_, reversed: true, offset: 0, _) = effect { true } else { false }
        })
        #expect(driver.state.history?.flows.rows.map(\.id) == [1, 2, 3, 4])
        #expect(driver.state.history?.flows.cursor.selected == 0)
        #expect(header(driver, containing: "TIME ▲") != nil)
        #expect(driver.screen(color: false).text().contains("oldest first"))
        driver.press(.ctrl("l"))
        #expect(driver.state.history?.flows.rows.map(\.id) == [1, 2, 3, 4])
    }

    @Test("exceptions are oldest first (CREATED ▲); I reverses them and the selection stays on its item")
    func exceptions() {
        var driver = StateDriver()
        driver.press(.character("E"))
        #expect(header(driver, containing: "CREATED ▲") != nil)
        let ids = driver.state.exceptions.records.map(\.id)
        driver.press(.character("j"))
        let selected = driver.state.exceptions.selected?.id
        driver.press(.character("I"))
        #expect(driver.state.exceptions.records.map(\.id) == ids.reversed())
        #expect(driver.state.exceptions.selected?.id == selected)
        #expect(header(driver, containing: "CREATED ▼") != nil)
        driver.press(.ctrl("l"))
        #expect(driver.state.exceptions.records.map(\.id) == ids.reversed())
    }

    @Test("the rule's recent executions are newest first; I lists them oldest first")
    func executions() {
        var driver = StateDriver()
        driver.press(.character("R"), .character("G"))
        func executionLines() -> [String] {
            driver.screen(color: false).text().split(separator: "\n").map(String.init).filter { $0.contains("matched ") }
        }
        let newestFirst = executionLines()
        #expect(newestFirst.count == 2)
        #expect(newestFirst.first?.contains("matched 140") == true)
        driver.press(.character("I"))
        #expect(executionLines() == newestFirst.reversed())
        #expect(driver.screen(color: false).text().contains("Recent executions (oldest first ▲"))
    }

    @Test("a host's destinations are alerting first (ALERTS ▼); I reverses them and the selection stays on its destination")
    func destinations() throws {
        var driver = StateDriver()
        driver.press(.enter)
        #expect(header(driver, containing: "ALERTS ▼") != nil)
        let addresses = try #require(driver.state.host?.destinations.map(\.address))
        #expect(addresses.count > 1)
        let selected = driver.state.host?.selectedDestination?.address
        driver.press(.character("I"))
        #expect(driver.lastEffects.isEmpty, "the destinations are all loaded: reversed on screen")
        #expect(driver.state.host?.destinations.map(\.address) == addresses.reversed())
        #expect(driver.state.host?.selectedDestination?.address == selected)
        #expect(header(driver, containing: "ALERTS ▲") != nil)
        driver.press(.ctrl("l"))
        #expect(driver.state.host?.destinations.map(\.address) == addresses.reversed())
        #expect(driver.state.host?.selectedDestination?.address == selected)
        driver.press(.character("I"))
        #expect(driver.state.host?.destinations.map(\.address) == addresses)
    }

    @Test("a host's alerts are newest first (LAST SEEN ▼); I asks the store for the oldest first and marks LAST SEEN ▲")
    func hostAlerts() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab)
        #expect(header(driver, containing: "LAST SEEN ▼") != nil)
        let ids = try #require(driver.state.host?.alerts.rows.map(\.id))
        #expect(ids.count > 1)
        driver.press(.character("j"), .character("I"))
        #expect(driver.lastEffects.contains { effect in
            if case .loadConnections(_, reversed: true, offset: 0, _) = effect { true } else { false }
        })
        #expect(driver.state.host?.alerts.rows.map(\.id) == ids.reversed())
        #expect(driver.state.host?.alerts.cursor.selected == 0)
        #expect(header(driver, containing: "LAST SEEN ▲") != nil)
        #expect(header(driver, containing: "3 alerts · oldest first") != nil)
        #expect(header(driver, containing: "ALERTS ▼") != nil, "the destinations keep their own order")
        driver.press(.ctrl("l"))
        #expect(driver.state.host?.alerts.rows.map(\.id) == ids.reversed())
        driver.press(.character("f"))
        #expect(driver.lastEffects.contains { effect in
            if case .loadConnections(let query, reversed: true, offset: 0, _) = effect { query.status == .open } else { false }
        }, "the status filter keeps the order")
        #expect(driver.state.host?.alerts.newestLast == true, "new rows still arrive at the end after the filter changes")
    }

    @Test("the hosts list reverses with I as with S")
    func hosts() {
        var driver = StateDriver()
        driver.press(.character("a"))
        let order = driver.state.hosts.list.rows.map(\.address)
        driver.press(.character("I"))
        #expect(driver.state.hosts.reversed)
        #expect(driver.state.hosts.list.rows.map(\.address) == order.reversed())
        #expect(header(driver, containing: "WHY ▲") != nil)
    }
}
