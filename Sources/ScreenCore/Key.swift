/// A key the user pressed, as the terminal decodes it from curses' key codes and wide characters.
public enum Key: Hashable, Sendable {
    /// A printable character (any Unicode character, not only ASCII).
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Control plus a key, named by its lowercase letter (`.ctrl("l")` for Ctrl-L) or its ASCII
    /// symbol (`.ctrl("]")`).
    case ctrl(Character)
}
