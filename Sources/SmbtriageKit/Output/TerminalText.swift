import ScreenCore

/// Text for the terminal from untrusted values: the console's one sanitizer and width table, so
/// the CLI and the console escape control characters and measure wide characters the same way.
public enum TerminalText {
    public static func safe(_ text: String) -> String { DisplayText.sanitized(text) }
    public static func displayWidth(_ text: String) -> Int { DisplayText.width(text) }
}
