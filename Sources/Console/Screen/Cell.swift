/// One character cell of a `Screen`.
public struct Cell: Equatable, Sendable {
    /// One printable grapheme; `""` for the right half of a wide character.
    public var grapheme: String
    public var style: CellStyle

    public init(grapheme: String, style: CellStyle = .plain) {
        self.grapheme = grapheme
        self.style = style
    }

    /// An empty cell: a space in the plain style.
    public static let blank = Cell(grapheme: " ")
}
