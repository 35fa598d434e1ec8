/// What the terminal reports and the console takes in: a key, a new size, a mouse action, or a
/// second without any of them.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// Only reported when the terminal session was opened with mouse support.
    case mouse(MouseEvent)
    /// The wait for input ran out: the console polls the store for changes.
    case tick
}
