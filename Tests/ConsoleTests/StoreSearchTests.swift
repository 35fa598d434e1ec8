@testable import Console
import Detection
import Foundation
import ScreenCore
import Testing
import TriageModel

/// A search of the hosts list covers the whole list: the store finds the matches beyond the rows loaded.
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
        #expect(driver.lastEffects.contains { if case .findHosts("needle", _, _, reversed: true) = $0 { true } else { false } })
        driver.press(.character("n"))
        #expect(driver.state.hosts.list.selectedRow?.hostName?.hasPrefix("needle-") == true)
    }
}
