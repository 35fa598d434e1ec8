/// A key press as the terminal adapter decodes it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Control plus a letter, given in lower case: `.ctrl("l")` for Ctrl-L.
    case ctrl(Character)
}
