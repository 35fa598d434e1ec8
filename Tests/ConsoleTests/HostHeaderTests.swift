@testable import Console
import Detection
import Foundation
import ScreenCore
import Testing
import TriageModel

/// The host screen's header line: what it totals from the host's destinations.
@Suite("host screen header")
struct HostHeaderTests {
    @Test("bytes out of the external destinations saturate at Int64.max, as the store's total does, never wrap")
    func bytesOutSaturates() throws {
        var fixture = Fixture.standard()
        let destinations = try #require(fixture.destinations[Fixture.finance])
        // The review's three flows of 9 × 10^18 bytes each, and the two external destinations of the fixture.
        fixture.destinations[Fixture.finance] = destinations.map { destination in
            var huge = destination
            if huge.isExternal { huge.bytesSent = 9_000_000_000_000_000_000 }
            return huge
        }
        #expect(destinations.filter(\.isExternal).count == 2)
        var driver = StateDriver(width: 120, height: 40, fixture: fixture)
        let index = try #require(driver.state.hosts.list.rows.firstIndex { $0.address == Fixture.finance })
        driver.state.hosts.list.cursor.select(index, visible: driver.state.layout.hostRows)
        driver.press(.enter)
        let text = driver.screen(color: false).text()
        #expect(text.contains("\(NumberText.bytes(.max)) out"), "\(text)")
    }
}
