/// A turn of the mouse wheel, and where the pointer was (only reported when the session was opened
/// with mouse support).
public struct TerminalMouseEvent: Hashable, Sendable {
    /// The kinds of mouse action the session reports.
    public enum Action: Hashable, Sendable {
        case wheelUp, wheelDown
    }

    public var action: Action
    public var position: TerminalPosition

    public init(action: Action, position: TerminalPosition) {
        self.action = action
        self.position = position
    }
}
