import ArgumentParser

/// How the console draws: `--no-color` and `--mouse`, shared by `console` and `demo`.
struct ConsoleDisplayOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"), help: "Draw without colours (NO_COLOR in the environment does too).")
    var noColor = false

    @Flag(help: "Click selects a row, a double click opens it, the wheel scrolls (the terminal's own text selection then needs Shift).")
    var mouse = false
}
