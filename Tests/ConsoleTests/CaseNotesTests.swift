@testable import Console
import Detection
import Foundation
import ScreenCore
import Testing
import TriageModel

/// The case-notes overlay on the host screen: every note, newest first, searchable, one key from adding one.
@Suite("case notes")
struct CaseNotesTests {
    /// The host screen of the finance host with two notes on its case, the older first.
    private func hostWithNotes() throws -> StateDriver {
        var driver = StateDriver()
        _ = try driver.repository.addCaseNote(to: Fixture.finance, text: "copy job owner is on leave", actor: "alice")
        _ = try driver.repository.addCaseNote(to: Fixture.finance, text: "escalated to IR \u{1B}[2J", actor: "bob")
        driver.press(.enter)
        return driver
    }

    @Test("N lists every note with its time and author, newest first, escaped")
    func listsNewestFirst() throws {
        var driver = try hostWithNotes()
        driver.press(.character("N"))
        #expect(driver.state.overlay == .caseNotes(scroll: 0))
        let text = view(driver.state, color: false).text()
        let newer = try #require(text.range(of: "escalated to IR"))
        let older = try #require(text.range(of: "copy job owner is on leave"))
        #expect(newer.lowerBound < older.lowerBound)
        #expect(text.contains("2026-12-01 12:00  bob"))
        #expect(!text.contains("\u{1B}"))
        driver.press(.escape)
        #expect(driver.state.overlay == nil)
    }

    @Test(":notes opens the same overlay; elsewhere than a host it says where the notes are")
    func command() throws {
        var driver = try hostWithNotes()
        driver.press(.character(":"))
        driver.type("notes")
        driver.press(.enter)
        #expect(driver.state.overlay == .caseNotes(scroll: 0))
        var hosts = StateDriver()
        hosts.press(.character("N"))
        #expect(hosts.state.overlay == nil)
        hosts.press(.character(":"))
        hosts.type("notes")
        hosts.press(.enter)
        #expect(hosts.state.message == .info("case notes are on a host's screen: open a host first"))
    }

    @Test("/ searches the notes; n and N step between matches")
    func search() throws {
        var driver = try hostWithNotes()
        driver.press(.character("N"), .character("/"))
        driver.type("copy job")
        #expect(Update.searchProgress(driver.state) == "match 1 of 1")
        driver.press(.enter)
        #expect(Update.activeSearch(driver.state)?.scope == .caseNotes)
    }

    @Test("a adds a note from the overlay; read-only refuses it")
    func addFromOverlay() throws {
        var driver = try hostWithNotes()
        driver.press(.character("N"), .character("a"))
        #expect(driver.form?.purpose == .addCaseNote(Fixture.finance))
        driver.type("third")
        driver.press(.enter)
        #expect(driver.state.host?.hostCase?.notes.last?.text == "third")
        var readOnly = StateDriver(readOnly: true)
        readOnly.press(.enter, .character("N"), .character("a"))
        #expect(readOnly.form == nil)
        #expect(readOnly.state.message == Update.readOnlyMessage)
    }
}
