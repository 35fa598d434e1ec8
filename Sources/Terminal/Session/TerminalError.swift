/// Why a `TerminalSession` could not start.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, or no tty at all).
    case notATerminal
    /// curses could not set up the terminal named by `TERM`.
    case unsupportedTerminal(name: String)

    public var description: String {
        switch self {
        case .notATerminal:
            "the console needs a terminal: standard input and output must not be redirected"
        case .unsupportedTerminal(let name):
            "curses cannot drive the terminal type \"\(name)\" (check TERM)"
        }
    }
}
