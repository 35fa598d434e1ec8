@testable import Console
import ScreenCore
import Testing

@Suite("keys")
struct KeysTests {
    @Test("Ctrl-D and Ctrl-U move half a page in lists")
    func halfPages() {
        var driver = StateDriver(width: 120, height: 40)
        driver.press(.enter, .tab)
        let visible = driver.state.hostAlertRows
        driver.press(.ctrl("d"))
        #expect(driver.state.host?.alerts.cursor.selected == min(max(1, visible / 2), (driver.state.host?.alerts.cursor.count ?? 1) - 1))
        driver.press(.ctrl("u"))
        #expect(driver.state.host?.alerts.cursor.selected == 0)
    }

    @Test("→ opens, ← and Backspace go back")
    func arrowsOpenAndGoBack() {
        var driver = StateDriver()
        driver.press(.right)
        #expect(driver.state.route == .host(Fixture.finance))
        driver.press(.left)
        #expect(driver.state.route == .hosts)
        driver.press(.right)
        driver.press(.backspace)
        #expect(driver.state.route == .hosts)
    }

    @Test("V marks a range of alerts, * marks every alert in view")
    func rangeAndAllMarks() {
        var driver = StateDriver()
        driver.press(.enter, .tab, .character("V"), .character("j"), .character("V"))
        #expect(driver.state.host?.marked.count == 2)
        var all = StateDriver()
        all.press(.enter, .tab, .character("*"))
        #expect(all.state.host?.marked.count == all.state.host?.alerts.cursor.count)
        #expect(all.state.host?.marked.isEmpty == false)
    }

    @Test("Ctrl-W deletes the word before the cursor")
    func controlW() {
        var field = TextField("host 10.1.2.3  ")
        let used = field.edit(.ctrl("w"))
        #expect(used)
        #expect(field.text == "host ")
        #expect(field.cursor == 5)
    }

    @Test("Tab on the command line completes a command name, or what the fitting ones share")
    func completion() {
        #expect(Update.completeCommand(TextField("hi")).text == "history ")
        #expect(Update.completeCommand(TextField("ex")).text == "exceptions")
        #expect(Update.completeCommand(TextField("h")).text == "h")
        #expect(Update.completeCommand(TextField("hos")).text == "host")
        var driver = StateDriver()
        driver.press(.character(":"))
        driver.type("al")
        driver.press(.tab)
        driver.type("1")
        driver.press(.enter)
        #expect(driver.state.route == .alert(1))
    }

    @Test("the : help and the prompt name every command")
    func commandsListed() {
        let help = Keymap.bindings.first { $0.action == .command }?.help ?? ""
        for command in Update.commands { #expect(help.contains(":" + command.name)) }
    }

    @Test("read-only: the hint bar offers no write keys, and a write key says why it is refused")
    func readOnlyHints() {
        var driver = StateDriver(readOnly: true)
        driver.press(.enter, .tab)
        let hints = Keymap.hints(for: Update.keyContexts(driver.state), readOnly: true)
        #expect(hints.allSatisfy { !$0.action.writes })
        #expect(Keymap.hints(for: Update.keyContexts(driver.state)).contains { $0.action.writes })
        let hintBar = driver.screen().text().split(separator: "\n", omittingEmptySubsequences: false)[driver.state.layout.hintsRow]
        #expect(hintBar.contains("mark") && !hintBar.contains("a ack") && !hintBar.contains("c close"))
        driver.press(.character("a"))
        #expect(driver.state.message?.text.contains("read-only") == true)
    }

    @Test("f filters a host's alerts by status, and says so in the pane title")
    func hostAlertStatusFilter() {
        var driver = StateDriver()
        driver.press(.enter)
        let all = driver.state.host?.alerts.cursor.count ?? 0
        driver.press(.character("f"))
        #expect(driver.state.host?.alertQuery.status == .open)
        #expect(driver.state.host?.alerts.rows.allSatisfy { $0.status == .open } == true)
        #expect((driver.state.host?.alerts.cursor.count ?? 0) < all)
        #expect(driver.screen().text().contains("open only (f)"))
        driver.press(.character("f"), .character("f"), .character("f"))
        #expect(driver.state.host?.alertQuery.status == nil)
        #expect(driver.state.host?.alerts.cursor.count == all)
    }
}
