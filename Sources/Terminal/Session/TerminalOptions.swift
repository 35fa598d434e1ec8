/// How a `TerminalSession` uses the terminal.
public struct TerminalOptions: Hashable, Sendable {
    /// Draw colours (when the terminal has them).
    public var color: Bool
    /// Report mouse clicks and the wheel; off by default so the terminal's own selection keeps working.
    public var mouse: Bool

    /// `color` is turned off when `environment` sets `NO_COLOR` to a non-empty value (no-color.org).
    public init(color: Bool = true, mouse: Bool = false, environment: [String: String] = [:]) {
        self.color = color && (environment["NO_COLOR"] ?? "").isEmpty
        self.mouse = mouse
    }
}
