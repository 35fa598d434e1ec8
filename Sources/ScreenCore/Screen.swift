/// What the console wants on the terminal: a grid of cells, `height` rows of `width` columns.
/// A wide character occupies its cell and a following cell whose grapheme is `""`.
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// The cells in row-major order: `cells[row * width + column]`.
    public private(set) var cells: [Cell]

    /// A blank screen of the given size (negative sizes count as zero).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at `row`, `column`; a blank cell outside the grid.
    public subscript(row: Int, column: Int) -> Cell {
        get { contains(row: row, column: column) ? cells[row * width + column] : .blank }
        set {
            guard contains(row: row, column: column) else { return }
            cells[row * width + column] = newValue
        }
    }

    /// The rows joined by `"\n"`, trailing spaces trimmed: the form golden files hold.
    public func text() -> String {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width { line += cells[row * width + column].grapheme }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    public func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < height && column >= 0 && column < width
    }
}
