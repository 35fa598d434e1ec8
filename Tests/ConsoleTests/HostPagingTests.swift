@testable import Console
import Detection
import Foundation
import ScreenCore
import Testing
import TriageModel

/// What the host screen asks the store for: its first page of connection rows (each row read from
/// disk costs a page), and the pages scrolling through a long host asks for.
@Suite("host screen paging")
struct HostPagingTests {
    /// The standard data with 300 more connections of the finance host to `external` external
    /// destinations, which its hosts-list row counts; its destinations pane also lists `internal`
    /// internal ones, which the row does not count.
    private func longHost(external: Int, internal internalDestinations: Int = 0) -> Fixture {
        var fixture = Fixture.standard()
        let addresses = (1...external).map { IPAddress(ipv4: 0x5102_4500 | UInt32($0)) } // 81.2.69.N
        fixture.addFinanceConnections(300) { addresses[$0 % external] }
        func destination(_ address: IPAddress, isExternal: Bool) -> DestinationSummary {
            DestinationSummary(address: address, ports: [445], connections: 1, bytesSent: 1_000, bytesReceived: 8_192,
                               firstSeen: Fixture.now - 86_400, lastSeen: Fixture.now - 20_000, isExternal: isExternal,
                               isNewForHost: false, openAlerts: isExternal ? 1 : 0, acknowledgedAlerts: 0, closedAlerts: 0)
        }
        let internalAddresses = (0..<internalDestinations).map { IPAddress(ipv4: 0x0A09_0900 | UInt32($0 + 1)) } // 10.9.9.N
        fixture.destinations[Fixture.finance] = addresses.map { destination($0, isExternal: true) }
            + internalAddresses.map { destination($0, isExternal: false) }
        fixture.hosts[0].externalDestinations = external
        return fixture
    }

    /// A console of `width` × `height` on `fixture`, the finance host opened from the hosts list.
    private func openFinance(width: Int, height: Int, fixture: Fixture) throws -> StateDriver {
        var driver = StateDriver(width: width, height: height, fixture: fixture)
        let index = try #require(driver.state.hosts.list.rows.firstIndex { $0.address == Fixture.finance })
        driver.state.hosts.list.cursor.select(index, visible: driver.state.layout.hostRows)
        driver.press(.enter)
        return driver
    }

    /// A console of 120 × 40 on a long finance host (20 external destinations), after the `:` command `line`.
    private func afterCommand(_ line: String) -> StateDriver {
        var driver = StateDriver(width: 120, height: 40, fixture: longHost(external: 20))
        driver.press(.character(":"))
        driver.type(line)
        driver.press(.enter)
        return driver
    }

    /// The rows of every page of connections the last message asked for, in order.
    private func connectionPages(_ driver: StateDriver) -> [Range<Int>] {
        driver.ranEffects.compactMap { effect in
            guard case .loadConnections(_, _, let offset, let limit) = effect else { return nil }
            return offset..<(offset + limit)
        }
    }

    /// Whether every row the alerts pane shows is loaded.
    private func showsOnlyLoadedRows(_ driver: StateDriver) -> Bool {
        guard let alerts = driver.state.host?.alerts else { return false }
        return alerts.cursor.visibleRange(driver.state.hostAlertRows).allSatisfy { alerts.row(at: $0) != nil }
    }

    @Test("opening a host asks once for its connection rows: the rows of the pane its destinations leave, and the usual read-ahead",
          arguments: [(80, 24, 20), (120, 40, 20), (100, 60, 20), (120, 40, 3), (120, 40, 1)])
    func firstPage(width: Int, height: Int, destinations: Int) throws {
        let driver = try openFinance(width: width, height: height, fixture: longHost(external: destinations))
        let visible = Layout(width: width, height: height).hostAlertRows(destinationCount: destinations)
        #expect(driver.state.host?.destinations.count == destinations)
        #expect(driver.state.hostAlertRows == visible)
        #expect(connectionPages(driver) == [0..<(visible * 3)])
        #expect(showsOnlyLoadedRows(driver))
    }

    @Test("a host whose pane also lists internal destinations: the first page, sized for the external ones, still fills its shorter pane")
    func firstPageWithInternalDestinations() throws {
        let driver = try openFinance(width: 120, height: 40, fixture: longHost(external: 2, internal: 10))
        let layout = Layout(width: 120, height: 40)
        #expect(driver.state.hostAlertRows == layout.hostAlertRows(destinationCount: 12))
        #expect(connectionPages(driver) == [0..<(layout.hostAlertRows(destinationCount: 2) * 3)])
        #expect(showsOnlyLoadedRows(driver))
    }

    @Test("a host opened with :host asks once, for the pane the external destinations of its row leave, as from the list")
    func firstPageThroughCommand() throws {
        let driver = afterCommand("host 10.1.2.3")
        let external = try #require(driver.state.host?.summary?.externalDestinations)
        #expect(connectionPages(driver) == [0..<(Layout(width: 120, height: 40).hostAlertRows(destinationCount: external) * 3)])
        #expect(showsOnlyLoadedRows(driver))
    }

    @Test("scrolling down a long host, row by row or page by page, loads every row in order before it is shown, a page of the usual size at a time",
          arguments: [Key.character("j"), Key.pageDown])
    func scrollsThroughEveryRow(key: Key) throws {
        var driver = try openFinance(width: 80, height: 24, fixture: longHost(external: 20))
        driver.press(.tab)
        let query = try #require(driver.state.host?.alertQuery)
        let whole = try driver.repository.connectionAlerts(query, offset: 0, limit: Int.max).rows.map(\.id)
        let visible = driver.state.hostAlertRows
        var seen: [Int64] = []
        var pages = 0
        while seen.count < whole.count {
            let alerts = try #require(driver.state.host?.alerts)
            let shown = alerts.cursor.visibleRange(visible).map { alerts.row(at: $0)?.id }
            #expect(!shown.contains(nil), "a row not loaded is on screen at \(alerts.cursor.top)")
            seen += shown.compactMap { $0 }.filter { !seen.contains($0) }
            guard alerts.cursor.selected < whole.count - 1 else { break }
            driver.press(key)
            let asked = connectionPages(driver)
            #expect(asked.allSatisfy { $0.count == visible * 3 })
            pages += asked.count
        }
        #expect(seen == whole)
        #expect(pages > 0, "the host is longer than its first page")
    }

    @Test("opening a host's history asks once for its flows")
    func historyFirstPage() {
        let driver = afterCommand("history 10.1.2.3")
        let pages = driver.ranEffects.filter { if case .loadHistory = $0 { true } else { false } }
        #expect(pages.count == 1)
        #expect(driver.state.history?.flows.isLoaded == true)
    }
}
