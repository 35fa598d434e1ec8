@testable import Console
import Detection
import Foundation
import ScreenCore
import Testing
import TriageModel

/// The exception form counts, before it is saved, the open alerts it would close.
@Suite("exception preview")
struct ExceptionPreviewTests {
    private func formText(_ driver: StateDriver) -> String { driver.screen(color: false).text() }

    @Test("the count follows the scope chosen, and says the alerts stay open when the box is not ticked")
    func fromAlert() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab, .enter, .character("e"))
        #expect(driver.lastEffects.contains(.countOpenAlerts(.destination(try IPPrefix(parsing: "20.60.1.2")))))
        #expect(driver.form?.preview?.openAlerts == 0)
        #expect(formText(driver).contains("no open alert matches"))
        driver.press(.right, .right, .right)
        let scope = ExceptionScope.source(try IPPrefix(parsing: "10.1.2.3"))
        #expect(driver.form?.preview == ExceptionPreview(scope: scope, openAlerts: 2))
        #expect(formText(driver).contains("closes 2 open alerts"))
        driver.press(.tab, .tab, .tab, .character(" "))
        #expect(formText(driver).contains("2 open alerts match; they stay open"))
        #expect(driver.lastEffects.isEmpty, "the same scope is not counted again")
    }

    @Test("a typed scope is counted once it parses; a stale count for another scope is ignored")
    func typed() throws {
        var driver = StateDriver()
        driver.press(.character("E"), .character("a"), .tab, .tab)
        #expect(driver.form?.preview == nil)
        driver.type("8.8.8.8")
        #expect(driver.form?.preview == ExceptionPreview(scope: .destination(try IPPrefix(parsing: "8.8.8.8")), openAlerts: 2))
        driver.send(.openAlertsCounted(.destination(try IPPrefix(parsing: "1.1.1.1")), 99))
        #expect(driver.form?.preview?.openAlerts == 2)
        driver.press(.backspace)
        #expect(driver.form?.preview == nil, "8.8.8. is no scope yet")
    }

    @Test("the counting line before the store answers")
    func counting() throws {
        let preview = ExceptionPreview(scope: .destination(try IPPrefix(parsing: "8.8.8.8")))
        #expect(preview.text(closing: true) == "counting the open alerts it matches…")
        #expect(ExceptionPreview(scope: preview.scope, openAlerts: 1).text(closing: true) == "closes 1 open alert")
        #expect(ExceptionPreview(scope: preview.scope, openAlerts: 1_204).text(closing: true) == "closes 1,204 open alerts")
    }
}
