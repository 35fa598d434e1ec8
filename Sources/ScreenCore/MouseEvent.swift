/// A turn of the mouse wheel, and where the pointer was.
public struct MouseEvent: Hashable, Sendable {
    /// The kinds of mouse action the session reports.
    public enum Action: Hashable, Sendable {
        case wheelUp, wheelDown
    }

    /// Which way the wheel turned.
    public var action: Action
    /// The cell under the pointer.
    public var position: CellPosition

    /// The wheel turned `action` with the pointer over `position`.
    public init(action: Action, position: CellPosition) {
        self.action = action
        self.position = position
    }
}
