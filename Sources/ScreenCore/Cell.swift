/// One character cell of a `Screen`.
public struct Cell: Hashable, Sendable {
    /// One printable grapheme; `""` for the right half of a wide character.
    public var grapheme: String
    public var style: CellStyle

    public init(grapheme: String, style: CellStyle = .plain) {
        self.grapheme = grapheme
        self.style = style
    }

    /// An empty cell: a space in the plain style.
    public static let blank = Cell(grapheme: " ")

    /// Whether this cell only continues the wide character before it (the terminal draws it with that one).
    public var isContinuation: Bool { grapheme.isEmpty }
}
