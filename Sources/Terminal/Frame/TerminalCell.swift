/// One column of a frame: a grapheme and its style.
public struct TerminalCell: Hashable, Sendable {
    /// The character drawn here; `""` marks the right half of the wide character to its left.
    public var grapheme: String
    /// How the grapheme is drawn.
    public var style: TerminalStyle

    /// A space in the default style.
    public static let blank = TerminalCell(grapheme: " ")

    /// A cell showing `grapheme` in `style`.
    public init(grapheme: String, style: TerminalStyle = .plain) {
        self.grapheme = grapheme
        self.style = style
    }

    /// Whether this cell only continues the wide character before it (curses draws it with that one).
    public var isContinuation: Bool { grapheme.isEmpty }
}
