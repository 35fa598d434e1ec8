import Foundation

/// The console's persistent settings, read from `console.conf` in smbtriage's configuration
/// directory (`ConsoleSettings.path`): one `name = value` a line, `#` starts a comment.
/// Today one setting: `mouse = on` (or `off`), which `--mouse` / `--no-mouse` override.
public struct ConsoleSettings: Equatable, Sendable {
    /// Clicks select, double clicks open, the wheel scrolls (off: the terminal's own selection works).
    public var mouse = false

    public init(mouse: Bool = false) {
        self.mouse = mouse
    }

    /// These settings with each one its command-line flag gives (`--mouse`, `--no-mouse`) in its place.
    public func overridden(mouse flag: Bool?) -> ConsoleSettings {
        var settings = self
        if let flag { settings.mouse = flag }
        return settings
    }

    /// `$XDG_CONFIG_HOME/smbtriage/console.conf`, else `~/.config/smbtriage/console.conf` (`$HOME`).
    /// Empty variables count as unset.
    public static func path(environment: [String: String]) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "~") + "/.config"
        return base + "/smbtriage/console.conf"
    }

    /// What a settings file gave: the settings (the defaults where a line was not understood) and
    /// one `file:line: problem` sentence per line not understood.
    public struct Reading: Equatable, Sendable {
        public var settings: ConsoleSettings
        public var problems: [String]
    }

    /// Reads the file at `path`: the defaults when there is none, the defaults and a problem when
    /// it cannot be read.
    public static func read(path: String) -> Reading {
        guard FileManager.default.fileExists(atPath: path) else { return Reading(settings: ConsoleSettings(), problems: []) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return Reading(settings: ConsoleSettings(),
                           problems: ["\(TerminalText.safe(path)): cannot be read; the console starts with its defaults"])
        }
        return parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses a settings file's text; `path` names it in the problems.
    public static func parse(_ text: String, path: String) -> Reading {
        var settings = ConsoleSettings()
        var problems: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.prefix { $0 != "#" }.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            let place = "\(TerminalText.safe(path)):\(index + 1)"
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                problems.append("\(place): expected `name = value`, found \(quoted(line))")
                continue
            }
            switch parts[0] {
            case "mouse":
                guard let value = switchValue(parts[1]) else {
                    problems.append("\(place): mouse is on or off, not \(quoted(parts[1]))")
                    continue
                }
                settings.mouse = value
            default:
                problems.append("\(place): unknown setting \(quoted(parts[0])) (known: mouse)")
            }
        }
        return Reading(settings: settings, problems: problems)
    }

    /// `on`/`off` and their usual spellings, in any case.
    private static func switchValue(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "on", "true", "yes", "1": true
        case "off", "false", "no", "0": false
        default: nil
        }
    }

    /// A value from the file in quotes, escaped for the terminal.
    private static func quoted(_ text: String) -> String {
        "'\(TerminalText.safe(text))'"
    }
}
