/// A key the user pressed, decoded from curses' key codes and wide characters.
public enum TerminalKey: Hashable, Sendable {
    /// A printable character (any Unicode character, not only ASCII).
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Control plus a key, named by its lowercase letter (`ctrl("a")`) or its ASCII symbol (`ctrl("]")`).
    case ctrl(Character)
}
