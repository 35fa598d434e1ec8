/// A mouse action, and where the pointer was.
public struct MouseEvent: Hashable, Sendable {
    /// The kinds of mouse action the session reports.
    public enum Action: Hashable, Sendable {
        /// The first button pressed and released once.
        case click
        /// The first button clicked twice in quick succession (reported instead of a second click).
        case doubleClick
        case wheelUp, wheelDown
    }

    /// What the mouse did.
    public var action: Action
    /// The cell under the pointer.
    public var position: CellPosition

    /// The mouse did `action` with the pointer over `position`.
    public init(action: Action, position: CellPosition) {
        self.action = action
        self.position = position
    }
}
