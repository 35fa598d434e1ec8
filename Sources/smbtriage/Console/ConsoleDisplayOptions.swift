import ArgumentParser
import Foundation
import SmbtriageKit

/// How the console draws: `--no-color` and `--mouse` / `--no-mouse`, shared by `console` and
/// `demo`; the mouse's default comes from the settings file (`ConsoleSettings`).
struct ConsoleDisplayOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"), help: "Draw without colours (NO_COLOR in the environment does too).")
    var noColor = false

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Click selects a row, a double click opens it, the wheel scrolls (the terminal's own text selection then needs Shift).",
        discussion: "Overrides `mouse = on|off` in $XDG_CONFIG_HOME/smbtriage/console.conf (default: off)."))
    var mouse: Bool?

    /// The settings file's settings under these flags, and what in the file was not understood
    /// (already written to standard error, before the console takes the terminal).
    func settings() -> ConsoleSettings.Reading {
        var reading = ConsoleSettings.read(path: ConsoleSettings.path(environment: ProcessInfo.processInfo.environment))
        for problem in reading.problems { StandardError.print("smbtriage: \(problem)") }
        reading.settings = reading.settings.overridden(mouse: mouse)
        return reading
    }
}
