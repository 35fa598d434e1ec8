/// Something the terminal reported: a key, a new size, or a mouse action.
public enum TerminalEvent: Hashable, Sendable {
    case key(TerminalKey)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    case mouse(TerminalMouseEvent)
}
