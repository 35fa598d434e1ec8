@testable import Console
import Detection
import Foundation
import ScreenCore
import Testing
import TriageModel

/// A search of a paged list (the hosts, a host's alerts, a history) covers the whole list: the
/// store finds the matches beyond the rows loaded.
@Suite("whole-list search")
struct StoreSearchTests {
    /// The standard hosts and 600 more, every 100th named `needle-N`.
    private func manyHosts() -> Fixture {
        var fixture = Fixture.standard()
        fixture.hosts += (0..<600).map { index in
            HostSummary(address: IPAddress("10.3.\(index / 200).\(index % 200 + 1)")!,
                        hostName: index % 100 == 99 ? "needle-\(index)" : "ws-\(index)", openAlerts: 0,
                        acknowledgedAlerts: 0, closedAlerts: 0, externalDestinations: 1, bytesOut: Int64(index),
                        firstSeen: Fixture.now - 86_400, lastSeen: Fixture.now - 3_600, highestRisk: nil)
        }
        return fixture
    }

    @Test("n walks every match of the whole list, loading the page under each, and counts them all")
    func wholeHostsList() {
        var driver = StateDriver(width: 80, height: 24, fixture: manyHosts())
        driver.press(.character("a"), .character("/"))
        driver.type("NEEDLE")
        #expect(driver.state.hosts.list.rows.count < 603, "the list is paged")
        #expect(driver.state.hosts.list.selectedRow?.hostName?.hasPrefix("needle-") == true)
        #expect(Update.searchProgress(driver.state) == "match 1 of 6")
        driver.press(.enter)
        var seen: Set<String> = []
        for _ in 0..<6 {
            seen.insert(driver.state.hosts.list.selectedRow?.hostName ?? "not loaded")
            driver.press(.character("n"))
        }
        #expect(seen == Set((0..<6).map { "needle-\($0 * 100 + 99)" }))
        driver.press(.character("N"))
        #expect(Update.searchProgress(driver.state) == "match 6 of 6")
    }

    @Test("a new sort asks the store again, so the matches follow the rows")
    func resorted() {
        var driver = StateDriver(width: 80, height: 24, fixture: manyHosts())
        driver.press(.character("a"), .character("/"))
        driver.type("needle")
        driver.press(.enter, .character("S"))
        #expect(driver.lastEffects.contains { if case .findInList(.hosts(_, _, reversed: true), "needle") = $0 { true } else { false } })
        driver.press(.character("n"))
        #expect(driver.state.hosts.list.selectedRow?.hostName?.hasPrefix("needle-") == true)
    }

    /// The standard data and 400 more flows of the finance host, each alerted (its own connection),
    /// every 80th to `203.0.113.200` (the needle) and the others to `81.2.69.N`.
    private func manyFlows() -> Fixture {
        var fixture = Fixture.standard()
        fixture.addFinanceConnections(400) { IPAddress($0 % 80 == 40 ? "203.0.113.200" : "81.2.69.\($0 % 200 + 1)")! }
        return fixture
    }

    /// Types `needle` into a new search and checks n visits every match of the whole list, loading each.
    private func visitsEveryMatch(_ driver: inout StateDriver, _ needle: String, selected: (StateDriver) -> String?) {
        driver.press(.character("/"))
        driver.type(needle)
        #expect(Update.searchProgress(driver.state) == "match 1 of 5")
        driver.press(.enter)
        var seen: [String] = []
        for _ in 0..<5 {
            seen.append(selected(driver) ?? "not loaded")
            driver.press(.character("n"))
        }
        #expect(seen.allSatisfy { $0.contains(needle) }, "\(seen)")
        #expect(Update.searchProgress(driver.state) == "match 1 of 5", "n wrapped around")
        driver.press(.character("N"))
        #expect(Update.searchProgress(driver.state) == "match 5 of 5")
    }

    @Test("a history search visits every match of the whole history, reversed too")
    func wholeHistory() {
        var driver = StateDriver(width: 80, height: 24, fixture: manyFlows())
        driver.press(.enter, .character("H"))
        #expect(driver.state.history?.flows.rows.count ?? 0 < 400, "the history is paged")
        let destination = { (driver: StateDriver) in driver.state.history?.flows.selectedRow.map { "\($0.event.destinationIPs)" } }
        visitsEveryMatch(&driver, "203.0.113.200", selected: destination)
        driver.press(.character("I"))
        #expect(driver.lastEffects.contains { if case .findInList(.history(_, reversed: true), "203.0.113.200") = $0 { true } else { false } })
        driver.press(.character("n"))
        #expect(destination(driver)?.contains("203.0.113.200") == true)
        #expect(Update.searchProgress(driver.state).hasPrefix("match "))
    }

    @Test("a search of a host's alerts visits every matching connection, within its status filter")
    func wholeHostAlerts() {
        var driver = StateDriver(width: 80, height: 24, fixture: manyFlows())
        driver.press(.enter, .tab)
        #expect(driver.state.host?.alerts.rows.count ?? 0 < 400, "the alerts are paged")
        let destination = { (driver: StateDriver) in driver.state.host?.alerts.selectedRow.map { "\($0.flow.event.destinationIPs)" } }
        visitsEveryMatch(&driver, "203.0.113.200", selected: destination)
        driver.press(.character("f"))
        #expect(driver.state.host?.statusFilter == .open)
        #expect(driver.lastEffects.contains {
            if case .findInList(.connections(let query, reversed: false), "203.0.113.200") = $0 { query.status == .open } else { false }
        })
        #expect(Update.searchProgress(driver.state).hasSuffix("of 5") || Update.searchProgress(driver.state) == "5 matches")
    }

    @Test("after I a search of a host's alerts numbers the matches oldest first, over the whole list")
    func reversedHostAlerts() throws {
        var driver = StateDriver(width: 80, height: 24, fixture: manyFlows())
        driver.press(.enter, .tab, .character("I"))
        let query = try #require(driver.state.host?.alertQuery)
        let whole = try driver.repository.connectionAlerts(query, offset: 0, limit: Int.max).rows
        #expect(driver.state.host?.alerts.rows.first == whole.last)
        let destination = { (driver: StateDriver) in driver.state.host?.alerts.selectedRow.map { "\($0.flow.event.destinationIPs)" } }
        visitsEveryMatch(&driver, "203.0.113.200", selected: destination)
        driver.press(.character("n"))
        let oldestMatch = whole.last { "\($0.flow.event.destinationIPs)".contains("203.0.113.200") }
        #expect(driver.state.host?.alerts.selectedRow?.id == oldestMatch?.id, "match 1 is the oldest")
        #expect(Update.searchProgress(driver.state) == "match 1 of 5")
        driver.press(.character("I"))
        #expect(driver.lastEffects.contains {
            if case .findInList(.connections(_, reversed: false), "203.0.113.200") = $0 { true } else { false }
        }, "reversing back asks the store again")
        driver.press(.character("n"))
        #expect(destination(driver)?.contains("203.0.113.200") == true)
    }

    @Test("when the store changes underneath, a search shown asks again and counts the new matches")
    func refreshedMatches() throws {
        var driver = StateDriver(width: 80, height: 24, fixture: manyFlows())
        driver.press(.enter, .tab, .character("/"))
        driver.type("acknowledged")
        driver.press(.enter)
        #expect(Update.searchProgress(driver.state) == "match 1 of 1")
        driver.send(.input(.tick))
        _ = try driver.repository.setStatus(.acknowledged, alertIDs: [1_200, 1_300], reason: nil, actor: "someone else")
        driver.send(.input(.tick))
        #expect(Update.searchProgress(driver.state).hasSuffix("of 3") || Update.searchProgress(driver.state) == "3 matches")
    }
}
