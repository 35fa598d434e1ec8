@testable import Console
import ScreenCore
import Testing

/// `/` search: it moves the cursor or the text to a match and hides nothing; n/N step, Esc clears.
@Suite("search")
struct SearchTests {
    @Test("matches ignore case; stepping wraps around both ends; progress names the match in view")
    func matching() {
        let lines = ["alpha", "Beta", "gamma", "BETAMAX"]
        #expect(Search.matches("beta", in: lines) == [1, 3])
        #expect(Search.matches("", in: lines).isEmpty)
        #expect(Search.step(from: 1, in: [1, 3], forward: true) == 3)
        #expect(Search.step(from: 3, in: [1, 3], forward: true) == 1)
        #expect(Search.step(from: 1, in: [1, 3], forward: false) == 3)
        #expect(Search.first(from: 2, in: [1, 3]) == 3)
        #expect(Search.first(from: 4, in: [1, 3]) == 1)
        #expect(Search.progress(position: 3, matches: [1, 3]) == "match 2 of 2")
        #expect(Search.progress(position: 0, matches: [1, 3]) == "2 matches")
        #expect(Search.progress(position: 0, matches: []) == "no match")
    }

    @Test("on the hosts screen a search moves the cursor as it is typed and hides no row; the filter is F")
    func hostsSearch() {
        var driver = StateDriver()
        driver.press(.character("a"), .character("/"))
        driver.type("192")
        #expect(driver.state.hosts.list.selectedRow?.address == Fixture.printer)
        #expect(driver.state.hosts.list.cursor.count == 3)
        #expect(driver.state.hosts.filter.text == "")
        #expect(Update.searchProgress(driver.state) == "match 1 of 1")
        driver.press(.enter, .escape)
        #expect(driver.state.search == nil)
        #expect(driver.state.routes == [.hosts])
    }

    @Test("n and N go to the next and previous match, wrapping around")
    func stepping() {
        var driver = StateDriver()
        driver.press(.character("a"))
        let order = driver.state.hosts.list.rows.map(\.address)
        driver.press(.character("/"))
        driver.type("10.1.2.")
        driver.press(.enter)
        let matching = order.indices.filter { [Fixture.finance, Fixture.build].contains(order[$0]) }
        #expect(driver.state.hosts.list.cursor.selected == matching[0])
        driver.press(.character("n"))
        #expect(driver.state.hosts.list.cursor.selected == matching[1])
        #expect(Update.searchProgress(driver.state) == "match 2 of 2")
        driver.press(.character("n"))
        #expect(driver.state.hosts.list.cursor.selected == matching[0])
        driver.press(.character("N"))
        #expect(driver.state.hosts.list.cursor.selected == matching[1])
    }

    @Test("while a search is shown on the alert screen n finds the next match instead of adding a note")
    func alertScreen() {
        var driver = StateDriver(width: 80, height: 24)
        driver.press(.enter, .tab, .enter)
        driver.press(.character("/"))
        driver.type("smb")
        driver.press(.enter, .character("n"))
        #expect(driver.form == nil)
        #expect(driver.state.search?.query == "smb")
        driver.press(.escape, .character("n"))
        #expect(driver.form != nil)
    }

    @Test("the help overlay scrolls to a match, and the search is forgotten when the overlay closes")
    func helpOverlay() {
        var driver = StateDriver(width: 80, height: 24)
        driver.press(.character("?"), .character("/"))
        driver.type("hour")
        guard case .help(let scroll) = driver.state.overlay else {
            Issue.record("the help overlay should stay open")
            return
        }
        #expect(scroll > 0)
        driver.press(.enter, .escape, .escape)
        #expect(driver.state.overlay == nil)
        #expect(Update.activeSearch(driver.state) == nil)
    }

    @Test("every occurrence on screen is highlighted")
    func highlight() {
        // At 120 columns the hosts list shows HOSTNAME beside WHY, which the attention sort keeps.
        var driver = StateDriver(width: 120, height: 24)
        driver.press(.character("a"), .character("/"))
        driver.type("build")
        let screen = driver.screen()
        let row = driver.state.layout.bodyTop + 1 + driver.state.hosts.list.cursor.selected
        let text = (0..<screen.width).map { screen[row, $0].grapheme }.joined()
        guard let start = text.range(of: "build")?.lowerBound else {
            Issue.record("the build server's row should show its name: \(text)")
            return
        }
        let column = text.distance(from: text.startIndex, to: start)
        #expect(screen[row, column].style.emphasis.contains(.underline))
        #expect(!screen[row, 2].style.emphasis.contains(.underline))
    }
}
