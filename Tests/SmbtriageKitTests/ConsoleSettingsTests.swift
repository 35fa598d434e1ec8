import Foundation
import Testing
@testable import SmbtriageKit

/// The console's settings file: `mouse = on` persists the mouse, flags override it, a line not
/// understood is named by file and line while the rest still applies.
@Suite struct ConsoleSettingsTests {
    @Test func theFileLivesUnderTheXDGConfigDirectoryElseHome() {
        #expect(ConsoleSettings.path(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/a"]) == "/cfg/smbtriage/console.conf")
        #expect(ConsoleSettings.path(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/a"])
            == "/home/a/.config/smbtriage/console.conf")
    }

    @Test(arguments: ["mouse = on", "mouse=ON", "  mouse = yes  # my terminal copies with Shift", "mouse = true\r"])
    func mouseOn(line: String) {
        let reading = ConsoleSettings.parse("# console settings\n\n" + line + "\n", path: "console.conf")
        #expect(reading == ConsoleSettings.Reading(settings: ConsoleSettings(mouse: true), problems: []))
    }

    @Test func mouseOffAndTheDefaultIsOff() {
        #expect(ConsoleSettings.parse("mouse = off", path: "c").settings.mouse == false)
        #expect(ConsoleSettings.parse("", path: "c").settings == ConsoleSettings())
        #expect(ConsoleSettings().mouse == false)
    }

    @Test func flagsOverrideTheFile() {
        let fromFile = ConsoleSettings(mouse: true)
        #expect(fromFile.overridden(mouse: false).mouse == false)
        #expect(fromFile.overridden(mouse: nil).mouse == true)
        #expect(ConsoleSettings().overridden(mouse: true).mouse == true)
    }

    @Test func aLineNotUnderstoodIsNamedByFileAndLineAndTheRestApplies() {
        let reading = ConsoleSettings.parse("""
            mouse = on
            mose = on
            mouse = sometimes
            just words
            colour \u{1B}[2J = off
            """, path: "/home/a/.config/smbtriage/console.conf")
        #expect(reading.settings.mouse == true, "line 1 still applies")
        #expect(reading.problems == [
            "/home/a/.config/smbtriage/console.conf:2: unknown setting 'mose' (known: mouse)",
            "/home/a/.config/smbtriage/console.conf:3: mouse is on or off, not 'sometimes'",
            "/home/a/.config/smbtriage/console.conf:4: expected `name = value`, found 'just words'",
            "/home/a/.config/smbtriage/console.conf:5: unknown setting 'colour \\x1b[2J' (known: mouse)",
        ])
    }

    @Test func aMissingFileIsTheDefaultsAndAnUnreadableOneSaysSo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smbtriage-settings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(ConsoleSettings.read(path: directory.appendingPathComponent("console.conf").path)
            == ConsoleSettings.Reading(settings: ConsoleSettings(), problems: []))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("console.conf"), withIntermediateDirectories: true)
        let unreadable = ConsoleSettings.read(path: directory.appendingPathComponent("console.conf").path)
        #expect(unreadable.settings == ConsoleSettings())
        #expect(unreadable.problems.count == 1 && unreadable.problems[0].hasSuffix("console.conf: cannot be read; the console starts with its defaults"))
        let file = directory.appendingPathComponent("written.conf")
        try Data("mouse = on\n".utf8).write(to: file)
        #expect(ConsoleSettings.read(path: file.path).settings.mouse == true)
    }
}
