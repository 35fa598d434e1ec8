@testable import Console
import Detection
import Foundation
import Testing
import TriageModel

@Suite("paged lists")
struct PagedListTests {
    private func hosts(_ count: Int, from first: UInt32 = 1) -> [HostSummary] {
        (0..<UInt32(count)).map { index in
            HostSummary(address: IPAddress(ipv4: 0x0A00_0000 | (first + index)), hostName: nil, openAlerts: 0, acknowledgedAlerts: 0,
                        closedAlerts: 0, externalDestinations: 1, bytesOut: 0, firstSeen: Fixture.now, lastSeen: Fixture.now,
                        highestRisk: nil)
        }
    }

    /// A list of 50 hosts with the first one selected, then reloaded with that host at `index`.
    private func reloaded(movingTheSelectionTo index: Int, total: Int = 50) -> PagedList<HostSummary> {
        var list = PagedList<HostSummary>()
        let rows = hosts(50)
        list.apply(rows: rows, offset: 0, total: 50, visible: 36)
        var moved = hosts(total, from: 100)
        moved[index] = rows[0]
        list.apply(rows: moved, offset: 0, total: total, visible: 36)
        return list
    }

    @Test("a reload that moves the selected row down keeps the top of the list in view when it can")
    func keepsTheTopInView() {
        let list = reloaded(movingTheSelectionTo: 9)
        #expect(list.cursor.selected == 9)
        #expect(list.cursor.top == 0)
    }

    @Test("a reload that moves the selected row below the screen scrolls only as far as it needs")
    func scrollsOnlyAsFarAsNeeded() {
        let list = reloaded(movingTheSelectionTo: 40)
        #expect(list.cursor.selected == 40)
        #expect(list.cursor.top == 40 - 36 + 1)
    }

    @Test("rows that arrive above the selection are counted until the analyst goes up to them")
    func countsNewRowsAbove() {
        var list = reloaded(movingTheSelectionTo: 3, total: 53)
        #expect(list.newRows == 3)
        #expect(reloaded(movingTheSelectionTo: 3).newRows == 0, "rows that only moved are not new")
        list.cursor.select(0, visible: 36)
        list.seeNewRows()
        #expect(list.newRows == 0)
    }

    @Test("in a list reversed to oldest first, rows that arrive at its end are counted until the analyst goes down to them")
    func countsNewRowsBelowWhenReversed() {
        var list = PagedList<HostSummary>(newestLast: true)
        let rows = hosts(50)
        list.apply(rows: rows, offset: 0, total: 50, visible: 36)
        list.cursor.select(3, visible: 36)
        list.apply(rows: rows + hosts(2, from: 100), offset: 0, total: 52, visible: 36)
        #expect(list.cursor.selected == 3 && list.selectedRow == rows[3], "the cursor stays on its row")
        #expect(list.newRows == 2)
        list.cursor.select(49, visible: 36)
        list.seeNewRows()
        #expect(list.newRows == 2, "not reached yet")
        list.cursor.select(50, visible: 36)
        list.seeNewRows()
        #expect(list.newRows == 0)
    }

    @Test("reversed, the status line points down to the new rows; G reaches them")
    func statusShowsNewRowsBelowWhenReversed() {
        var driver = StateDriver()
        driver.press(.enter, .tab, .character("I"))
        driver.state.host?.alerts.newRows = 1
        #expect(StatusSummary.text(driver.state).hasPrefix("▼ 1 new (G) · connection 1 of"))
        driver.press(.character("G"))
        #expect(driver.state.host?.alerts.newRows == 0)
    }

    @Test("the status line shows the new rows and the key that reaches them")
    func statusShowsNewRows() {
        var driver = StateDriver()
        driver.press(.character("a"))
        driver.state.hosts.list.newRows = 2
        driver.state.hosts.list.cursor.select(2, visible: 10)
        #expect(StatusSummary.text(driver.state).hasPrefix("▲ 2 new (g) · host 3 of 3"))
        driver.press(.character("g"))
        #expect(driver.state.hosts.list.newRows == 0)
        #expect(!StatusSummary.text(driver.state).contains("new"))
    }
}
