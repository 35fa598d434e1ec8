@testable import Console
import Detection
import Foundation
import ScreenCore
import TestSupport
import Testing
import TriageModel

/// Whole screens rendered headless and compared with the text files in Golden/.
/// Regenerate with `UPDATE_GOLDENS=1 swift test --filter ConsoleTests`.
@Suite("golden screens")
struct GoldenScreenTests {
    private func render(width: Int, height: Int, keys: [Key] = [], typing text: String? = nil, then more: [Key] = []) -> Screen {
        let runtime = ConsoleRuntime(repository: InMemoryTriageRepository(fixture: .standard()), rule: Fixture.rule, catalog: Fixture.catalog, options: .test())
        var screen = runtime.start(width: width, height: height)
        for key in keys { screen = runtime.handle(.key(key)) ?? screen }
        for character in text ?? "" { screen = runtime.handle(.key(.character(character))) ?? screen }
        for key in more { screen = runtime.handle(.key(key)) ?? screen }
        return screen
    }

    @Test("hosts at 80×24, with a wide-character and an escape-laden hostname")
    func hosts80() throws {
        try Golden.check(render(width: 80, height: 24), named: "hosts-80x24")
    }

    @Test("hosts at 120×40 show every column")
    func hosts120() throws {
        try Golden.check(render(width: 120, height: 40), named: "hosts-120x40")
    }

    @Test("hosts at 60×15 keep the address, open count, bytes out and last seen before decoration")
    func hosts60() throws {
        try Golden.check(render(width: 60, height: 15), named: "hosts-60x15")
    }

    @Test("a search on the hosts screen: the cursor on the match, the match highlighted, its progress in the status line")
    func hostsSearch() throws {
        try Golden.check(render(width: 80, height: 24, keys: [.character("/")], typing: "192", then: [.enter]),
                         named: "search-hosts-80x24")
        try Golden.check(render(width: 60, height: 15, keys: [.character("a"), .character("/")], typing: "build"), named: "search-hosts-60x15")
    }

    @Test("below the minimum size a friendly message replaces the console")
    func tooSmall() throws {
        try Golden.check(render(width: 40, height: 10), named: "too-small-40x10")
    }

    @Test("host screen with destinations and marked alerts")
    func host() throws {
        try Golden.check(render(width: 80, height: 24, keys: [.enter, .tab, .character(" ")]), named: "host-80x24")
        try Golden.check(render(width: 120, height: 40, keys: [.enter]), named: "host-120x40")
        try Golden.check(render(width: 60, height: 15, keys: [.enter, .tab, .character("j")]), named: "host-60x15")
    }

    @Test("the case notes overlay, newest first, at 80×24, 120×40 and 60×15")
    func caseNotes() throws {
        for (width, height) in [(80, 24), (120, 40), (60, 15)] {
            let screen = render(width: width, height: height, keys: [.enter, .character("n")], typing: "owner confirmed the copy",
                                then: [.enter, .character("N")])
            try Golden.check(screen, named: "case-notes-\(width)x\(height)")
        }
    }

    @Test("alert panes: destination, ATT&CK, investigation guide, notes")
    func alertPanes() throws {
        let open: [Key] = [.enter, .tab, .enter]
        try Golden.check(render(width: 80, height: 24, keys: open), named: "alert-destination-80x24")
        try Golden.check(render(width: 120, height: 40, keys: open + [.tab]), named: "alert-attack-120x40")
        try Golden.check(render(width: 120, height: 40, keys: open + [.tab, .tab, .character(" "), .character("j")]),
                         named: "alert-guide-120x40")
        try Golden.check(render(width: 80, height: 24, keys: open + [.tab, .tab, .tab]), named: "alert-notes-80x24")
    }

    @Test("a JSON raw record pretty-printed, at 80×24 and 60×15")
    func rawRecordPretty() throws {
        let open: [Key] = [.enter, .tab, .enter, .character("r")]
        try Golden.check(render(width: 80, height: 24, keys: open), named: "raw-pretty-80x24")
        try Golden.check(render(width: 60, height: 15, keys: open), named: "raw-pretty-60x15")
    }

    @Test("the raw record of a hostile log line is shown escaped")
    func rawRecordEscaped() throws {
        let screen = render(width: 80, height: 24, keys: [.character("j"), .enter, .tab, .enter, .character("r")])
        try Golden.check(screen, named: "raw-escaped-80x24")
        #expect(screen.text().contains(#"\x1b]0;pwned\x07"#))
    }

    @Test("the exception form from an alert, and its confirmation when broad")
    func exceptionForms() throws {
        try Golden.check(render(width: 80, height: 24, keys: [.enter, .tab, .enter, .character("e")]),
                         named: "exception-form-80x24")
        let narrow = render(width: 60, height: 15, keys: [.enter, .tab, .enter, .character("e"), .right, .right])
        try Golden.check(narrow, named: "exception-form-pair-60x15")
        #expect(narrow.text().contains("◂ this host → … ▸"), "an address is shown whole or replaced by …")
        #expect(narrow.text().contains("required: why this traf…"), "nothing is cut without an ellipsis")
        try Golden.check(render(width: 80, height: 24, keys: [.character("E"), .character("a"), .tab, .tab], typing: "20.0.0.0/8"),
                         named: "exception-broad-80x24")
    }

    @Test("history, exceptions, rule and help screens")
    func otherScreens() throws {
        try Golden.check(render(width: 120, height: 40, keys: [.character("H")]), named: "history-120x40")
        try Golden.check(render(width: 120, height: 40, keys: [.character("E")]), named: "exceptions-120x40")
        try Golden.check(render(width: 80, height: 24, keys: [.character("R")]), named: "rule-80x24")
        try Golden.check(render(width: 80, height: 24, keys: [.character("?")]), named: "help-80x24")
        try Golden.check(render(width: 80, height: 24, keys: [.character("H"), .character("b")]), named: "history-bytes-80x24")
        try Golden.check(render(width: 80, height: 24, keys: [.character("E")]), named: "exceptions-80x24")
        try Golden.check(render(width: 80, height: 24, keys: [.character("A")]), named: "confirm-host-80x24")
        try Golden.check(render(width: 80, height: 24, keys: [.enter, .tab, .enter, .tab, .tab]), named: "alert-guide-80x24")
    }

    @Test("the rest of the #14 screens at 120×40, 80×24 and 60×15: search, raw record, exception preview, sort marks, history, exceptions, rule, help")
    func everySize() throws {
        let alert: [Key] = [.enter, .tab, .enter]
        try Golden.check(render(width: 120, height: 40, keys: [.character("/")], typing: "192", then: [.enter]),
                         named: "search-hosts-120x40")
        try Golden.check(render(width: 120, height: 40, keys: alert + [.character("r")]), named: "raw-pretty-120x40")
        let hostException = render(width: 120, height: 40, keys: alert + [.character("e"), .right, .right, .right])
        try Golden.check(hostException, named: "exception-form-host-120x40")
        #expect(hostException.text().contains("closes 2 open alerts"))
        try Golden.check(render(width: 120, height: 40, keys: [.character("a"), .character("I")]), named: "hosts-all-reversed-120x40")
        try Golden.check(render(width: 80, height: 24, keys: [.character("H"), .character("I")]), named: "history-reversed-80x24")
        try Golden.check(render(width: 60, height: 15, keys: [.character("H")]), named: "history-60x15")
        try Golden.check(render(width: 60, height: 15, keys: [.character("E")]), named: "exceptions-60x15")
        try Golden.check(render(width: 120, height: 40, keys: [.character("R")]), named: "rule-120x40")
        try Golden.check(render(width: 60, height: 15, keys: [.character("R")]), named: "rule-60x15")
        try Golden.check(render(width: 120, height: 40, keys: [.character("?")]), named: "help-120x40")
        try Golden.check(render(width: 60, height: 15, keys: [.character("?")]), named: "help-60x15")
    }

    @Test("a wrong colour or attribute in one cell fails, naming the cell")
    func wrongStyleFails() throws {
        var screen = render(width: 80, height: 24)
        let golden = try String(contentsOf: Golden.directory.appendingPathComponent("hosts-80x24.txt"), encoding: .utf8)
        let styles = try #require(StyleLayer(text: String(contentsOf: Golden.directory.appendingPathComponent("hosts-80x24.style"),
                                                          encoding: .utf8)))
        #expect(Golden.differingCells(screen, text: golden, styles: styles).isEmpty)
        let original = screen[2, 3].style
        screen[2, 3].style.tone = original.tone == .critical ? .ok : .critical
        let differences = Golden.differingCells(screen, text: golden, styles: styles)
        #expect(differences.count == 1)
        #expect(differences.first?.hasPrefix("row 2, column 3: expected") == true)
        #expect(differences.first?.contains(StyleLayer.name(of: original)) == true)
        screen[2, 3].style = CellStyle(emphasis: original.emphasis.symmetricDifference(.underline), tone: original.tone)
        #expect(Golden.differingCells(screen, text: golden, styles: styles).count == 1)
    }

    @Test("a style layer reads back what it wrote")
    func styleLayerRoundTrip() {
        let screen = render(width: 120, height: 40, keys: [.enter, .tab, .enter])
        let layer = StyleLayer(screen)
        #expect(StyleLayer(text: layer.text) == layer)
    }

    @Test("without colour every cell's tone is normal; the selection stays reverse video")
    func monochrome() {
        let runtime = ConsoleRuntime(repository: InMemoryTriageRepository(fixture: .standard()), rule: Fixture.rule, catalog: Fixture.catalog,
                                     options: .test(color: false))
        let screen = runtime.start(width: 120, height: 40)
        var reversed = 0
        for row in 0..<screen.height {
            for column in 0..<screen.width {
                #expect(screen[row, column].style.tone == .normal)
                if row == 2, screen[row, column].style.emphasis.contains(.reverse) { reversed += 1 }
            }
        }
        #expect(reversed == 120)
    }
}
