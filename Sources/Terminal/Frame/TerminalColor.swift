/// A foreground colour a cell can be drawn in; the background is always the terminal's own.
public enum TerminalColor: CaseIterable, Hashable, Sendable {
    case red, orange, yellow, green, blue, magenta, cyan, gray
}
