@testable import Console
import Detection
import Foundation
import Store
import Testing

/// Whole screens rendered headless and compared with the text files in Golden/.
/// Regenerate with `UPDATE_GOLDENS=1 swift test --filter ConsoleTests`.
@Suite("golden screens")
struct GoldenScreenTests {
    private func render(width: Int, height: Int, keys: [Key] = [], typing text: String? = nil, then more: [Key] = []) -> Screen {
        let runtime = ConsoleRuntime(repository: FakeTriageRepository(fixture: .standard()), rule: Fixture.rule, options: .test())
        var screen = runtime.start(width: width, height: height)
        for key in keys { screen = runtime.handle(.key(key)) ?? screen }
        for character in text ?? "" { screen = runtime.handle(.key(.character(character))) ?? screen }
        for key in more { screen = runtime.handle(.key(key)) ?? screen }
        return screen
    }

    @Test("hosts at 80×24, with a wide-character and an escape-laden hostname")
    func hosts80() throws {
        try Golden.check(render(width: 80, height: 24).text(), named: "hosts-80x24")
    }

    @Test("hosts at 120×40 show every column")
    func hosts120() throws {
        try Golden.check(render(width: 120, height: 40).text(), named: "hosts-120x40")
    }

    @Test("below the minimum size a friendly message replaces the console")
    func tooSmall() throws {
        try Golden.check(render(width: 40, height: 10).text(), named: "too-small-40x10")
    }

    @Test("host screen with destinations and marked alerts")
    func host() throws {
        try Golden.check(render(width: 80, height: 24, keys: [.enter, .tab, .character(" ")]).text(), named: "host-80x24")
        try Golden.check(render(width: 120, height: 40, keys: [.enter]).text(), named: "host-120x40")
    }

    @Test("alert panes: destination, ATT&CK, investigation guide, notes")
    func alertPanes() throws {
        let open: [Key] = [.enter, .tab, .enter]
        try Golden.check(render(width: 80, height: 24, keys: open).text(), named: "alert-destination-80x24")
        try Golden.check(render(width: 120, height: 40, keys: open + [.tab]).text(), named: "alert-attack-120x40")
        try Golden.check(render(width: 120, height: 40, keys: open + [.tab, .tab, .character(" "), .character("j")]).text(),
                         named: "alert-guide-120x40")
        try Golden.check(render(width: 80, height: 24, keys: open + [.tab, .tab, .tab]).text(), named: "alert-notes-80x24")
    }

    @Test("the raw record of a hostile log line is shown escaped")
    func rawRecordEscaped() throws {
        let screen = render(width: 80, height: 24, keys: [.character("j"), .enter, .tab, .enter, .character("r")])
        try Golden.check(screen.text(), named: "raw-escaped-80x24")
        #expect(screen.text().contains(#"\x1b]0;pwned\x07"#))
    }

    @Test("the exception form from an alert, and its confirmation when broad")
    func exceptionForms() throws {
        try Golden.check(render(width: 80, height: 24, keys: [.enter, .tab, .enter, .character("e")]).text(),
                         named: "exception-form-80x24")
        try Golden.check(render(width: 80, height: 24, keys: [.character("E"), .character("a"), .tab, .tab], typing: "20.0.0.0/8").text(),
                         named: "exception-broad-80x24")
    }

    @Test("history, exceptions, rule and help screens")
    func otherScreens() throws {
        try Golden.check(render(width: 120, height: 40, keys: [.character("H")]).text(), named: "history-120x40")
        try Golden.check(render(width: 120, height: 40, keys: [.character("E")]).text(), named: "exceptions-120x40")
        try Golden.check(render(width: 80, height: 24, keys: [.character("R")]).text(), named: "rule-80x24")
        try Golden.check(render(width: 80, height: 24, keys: [.character("?")]).text(), named: "help-80x24")
        try Golden.check(render(width: 80, height: 24, keys: [.character("H"), .character("b")]).text(), named: "history-bytes-80x24")
        try Golden.check(render(width: 80, height: 24, keys: [.character("E")]).text(), named: "exceptions-80x24")
        try Golden.check(render(width: 80, height: 24, keys: [.character("A")]).text(), named: "confirm-host-80x24")
        try Golden.check(render(width: 80, height: 24, keys: [.enter, .tab, .enter, .tab, .tab]).text(), named: "alert-guide-80x24")
    }

    @Test("without colour every cell's tone is normal; the selection stays reverse video")
    func monochrome() {
        let runtime = ConsoleRuntime(repository: FakeTriageRepository(fixture: .standard()), rule: Fixture.rule,
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
