import Foundation

/// How the console runs: who the analyst is, whether writes are allowed, how it draws.
public struct ConsoleOptions: Sendable {
    /// Write keys (acknowledge, close, notes, exceptions…) show a message instead of writing.
    public var readOnly: Bool
    /// With colour off every tone is drawn `normal` (emphasis still applies).
    public var color: Bool
    /// The name written to the audit log for every triage change.
    public var actor: String
    /// Where dates are shown.
    public var timeZone: TimeZone
    /// A warning the status line shows on the first frame (a settings file not understood whole).
    public var startupWarning: String?
    /// The clock for relative times ("5m ago") and exception expiry; tests pin it.
    public var now: @Sendable () -> Date

    public init(readOnly: Bool = false, color: Bool = true, actor: String,
                timeZone: TimeZone = .current, startupWarning: String? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.readOnly = readOnly
        self.color = color
        self.actor = actor
        self.timeZone = timeZone
        self.startupWarning = startupWarning
        self.now = now
    }
}
