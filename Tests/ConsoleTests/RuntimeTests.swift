@testable import Console
import Detection
import Foundation
import ScreenCore
import TestSupport
import Testing
import TriageModel

/// The runtime end to end against the fake repository: keys in, screens out, writes recorded.
@Suite("runtime")
struct RuntimeTests {
    private func start(_ repository: InMemoryTriageRepository, readOnly: Bool = false) -> (ConsoleRuntime, Screen) {
        let runtime = ConsoleRuntime(repository: repository, rule: Fixture.rule, catalog: Fixture.catalog, options: .test(readOnly: readOnly))
        return (runtime, runtime.start(width: 100, height: 30))
    }

    private func press(_ runtime: ConsoleRuntime, _ keys: Key...) -> Screen? {
        var screen: Screen?
        for key in keys { screen = runtime.handle(.key(key)) }
        return screen
    }

    private func type(_ runtime: ConsoleRuntime, _ text: String) {
        for character in text { _ = runtime.handle(.key(.character(character))) }
    }

    @Test("the first frame lists the hosts that need attention, most in need first")
    func firstFrame() {
        let (_, screen) = start(InMemoryTriageRepository(fixture: .standard()))
        let lines = screen.text().split(separator: "\n").map(String.init)
        #expect(lines[0].contains("smbtriage › hosts") && lines[0].contains("needs attention"))
        #expect(lines[2].contains("10.1.2.3") && lines[2].contains("財務部-PC"))
        #expect(lines[3].contains("192.168.7.9"))
        #expect(!screen.text().contains("10.1.2.4"), "a host without open alerts needs no attention")
    }

    @Test("a startup warning (a settings file not understood) shows on the first frame, escaped, until a key")
    func startupWarning() {
        var options = ConsoleOptions.test()
        options.startupWarning = "console.conf:2: unknown setting 'mose\u{1B}[2J' (known: mouse)"
        let runtime = ConsoleRuntime(repository: InMemoryTriageRepository(fixture: .standard()), rule: Fixture.rule,
                                     catalog: Fixture.catalog, options: options)
        let screen = runtime.start(width: 100, height: 30)
        #expect(screen.text().contains("console.conf:2: unknown setting 'mose\\x1b[2J' (known: mouse)"))
        #expect(!screen.text().contains("\u{1B}"))
        #expect(press(runtime, .character("j"))?.text().contains("console.conf:2") == false)
    }

    @Test("drilling into a host and opening an alert shows the alert's destination pane")
    func drillIntoAlert() throws {
        let (runtime, _) = start(InMemoryTriageRepository(fixture: .standard()))
        let host = try #require(press(runtime, .enter))
        #expect(host.text().contains("smbtriage › hosts › 10.1.2.3"))
        #expect(host.text().contains("Destinations (3)"))
        let alert = try #require(press(runtime, .tab, .character("j"), .enter))
        // The second row is one connection seen as alerts 1 and 2: Enter opens the first.
        #expect(alert.text().contains("› alert 1"))
        #expect(alert.text().contains("8.8.8.8"))
        #expect(alert.text().contains("[Destination]"))
    }

    @Test("adding an exception with close-matching reaches the repository and reports what changed")
    func addExceptionClosingMatches() throws {
        let repository = InMemoryTriageRepository(fixture: .standard())
        let (runtime, _) = start(repository)
        _ = press(runtime, .enter, .tab, .character("j"), .enter, .character("e"), .tab)
        type(runtime, "Google test share, approved in CHG-1234")
        let screen = try #require(press(runtime, .enter))
        let call = try #require(repository.exceptionCalls.first)
        #expect(call.closeMatching)
        #expect(call.actor == "tester")
        #expect(call.item.entries == [ExceptionEntry(field: "destination.ip", value: .match("8.8.8.8"))])
        #expect(screen.text().contains("exception added; 2 open alerts closed"))
        #expect(repository.alertRecord(1)?.status == .closed)
        #expect(repository.alertRecord(2)?.status == .closed)
        #expect(screen.text().contains("○ closed"))
    }

    @Test("two exceptions for the same scope added at the same instant get distinct ids")
    func exceptionIDsAreUnique() throws {
        let repository = InMemoryTriageRepository(fixture: .standard())
        let (runtime, _) = start(repository)
        _ = press(runtime, .enter, .tab, .character("j"), .enter)
        for comment in ["first", "second"] {
            _ = press(runtime, .character("e"), .tab)
            type(runtime, comment)
            _ = press(runtime, .enter)
        }
        let items = repository.exceptionCalls.map(\.item)
        #expect(items.map(\.comment) == ["first", "second"])
        #expect(items.map(\.createdAt) == [Fixture.now, Fixture.now])
        #expect(items[0].entries == items[1].entries)
        #expect(items[0].id != items[1].id)
        #expect(items.allSatisfy { $0.author == "tester" })
    }

    @Test("a refresh after another process changed the store keeps the selection on the same host")
    func refreshKeepsSelection() throws {
        let repository = InMemoryTriageRepository(fixture: .standard())
        let (runtime, _) = start(repository)
        _ = press(runtime, .character("a"), .character("s"), .character("j"))
        let before = try #require(runtime.handle(.tick))
        #expect(before.text().contains("host 2 of 3"))
        repository.setBytesOut(999_999_999, of: Fixture.build)
        let after = try #require(runtime.handle(.tick))
        #expect(after.text().contains("host 1 of 3"))
        let selectedLine = after.text().split(separator: "\n").first { $0.hasPrefix(" ›") }
        #expect(selectedLine?.contains("10.1.2.4") == true)
    }

    @Test("the whole host's open alerts are closed with a reason after confirmation")
    func closeHost() throws {
        let repository = InMemoryTriageRepository(fixture: .standard())
        let (runtime, _) = start(repository)
        _ = press(runtime, .character("C"), .right, .enter)
        let confirm = try #require(press(runtime, .character("j")))
        #expect(confirm.text().contains("Close 2 open alerts of 10.1.2.3?"))
        #expect(repository.statusCalls.isEmpty)
        let done = try #require(press(runtime, .character("y")))
        #expect(repository.statusCalls.map(\.reason) == ["true positive"])
        #expect(repository.statusCalls.first?.written.sorted() == [1, 2])
        #expect(repository.alertRecord(1)?.status == .closed)
        #expect(done.text().contains("closed 2 alerts"))
    }

    @Test("read-only never writes")
    func readOnly() {
        let repository = InMemoryTriageRepository(fixture: .standard())
        let (runtime, _) = start(repository, readOnly: true)
        let screen = press(runtime, .character("A"))
        #expect(screen?.text().contains("read-only") == true)
        _ = press(runtime, .enter, .tab, .character("a"), .enter, .character("e"))
        #expect(repository.statusCalls.isEmpty)
        #expect(repository.exceptionCalls.isEmpty)
    }

    @Test("a failing store shows what failed on the status line, escaped, and the console keeps going")
    func repositoryFailure() throws {
        let repository = InMemoryTriageRepository(fixture: .standard())
        repository.hostsFailure = "disk I/O error\u{1B}[2J"
        let (runtime, screen) = start(repository)
        #expect(screen.text().contains(#"✗ loading hosts failed: disk I/O error\x1b[2J"#))
        repository.hostsFailure = nil
        let recovered = try #require(press(runtime, .ctrl("l")))
        #expect(recovered.text().contains("財務部-PC"))
    }

    @Test("q on the hosts screen ends the console")
    func quit() {
        let (runtime, _) = start(InMemoryTriageRepository(fixture: .standard()))
        #expect(runtime.handle(.key(.character("q"))) == nil)
    }

    @Test("only the rows around the screen are fetched")
    func pagedFetching() {
        let repository = InMemoryTriageRepository(fixture: .standard())
        let (runtime, _) = start(repository)
        _ = press(runtime, .character("G"), .character("g"), .pageDown)
        #expect(repository.largestHostPage == Layout(width: 100, height: 30).hostRows * 3)
    }

    @Test("the keymap documents itself as Markdown, one table per context")
    func keymapMarkdown() {
        let markdown = ConsoleRuntime.keymapMarkdown()
        #expect(markdown.contains("## Hosts"))
        #expect(markdown.contains("| `A` | Acknowledge all open alerts of the selected host (confirmed) |"))
        #expect(markdown.components(separatedBy: "\n## ").count - 1 == Set(Keymap.bindings.map(\.context)).count + 1, "a table per context, and the mouse")
    }

    @Test("the status line warns on every screen while the last execution hit the cap")
    func capWarning() throws {
        let (runtime, screen) = start(InMemoryTriageRepository(fixture: .standard()))
        #expect(screen.text().contains("! the last run hit its 100-alert cap; 40 pending"))
        let host = try #require(runtime.handle(.key(.enter)))
        #expect(host.text().contains("40 pending"))
        var fixture = Fixture.standard()
        fixture.executions.removeFirst()
        let (_, uncapped) = start(InMemoryTriageRepository(fixture: fixture))
        #expect(!uncapped.text().contains("pending"))
    }
}
