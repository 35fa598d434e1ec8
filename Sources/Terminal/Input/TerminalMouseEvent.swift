/// A turn of the mouse wheel, and where the pointer was (only reported when the session was opened
/// with mouse support).
public struct TerminalMouseEvent: Hashable, Sendable {
    /// The kinds of mouse action the session reports.
    public enum Action: Hashable, Sendable {
        case wheelUp, wheelDown
    }

    /// Which way the wheel turned.
    public var action: Action
    /// The cell under the pointer.
    public var position: TerminalPosition

    /// The wheel turned `action` with the pointer over `position`.
    public init(action: Action, position: TerminalPosition) {
        self.action = action
        self.position = position
    }
}
