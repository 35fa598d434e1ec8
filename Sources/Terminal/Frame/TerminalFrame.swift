/// A full screen of styled cells, row by row, that `TerminalSession.present(_:)` draws.
public struct TerminalFrame: Hashable, Sendable {
    /// Columns per row.
    public let width: Int
    /// Rows.
    public let height: Int
    /// The cells in row-major order: `cells[row * width + column]`.
    public private(set) var cells: [TerminalCell]

    /// A frame of `width` × `height` blank cells (negative sizes count as zero).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at `row`, `column`; both must lie inside the frame.
    public subscript(row: Int, column: Int) -> TerminalCell {
        get { cells[index(row: row, column: column)] }
        set { cells[index(row: row, column: column)] = newValue }
    }

    private func index(row: Int, column: Int) -> Int {
        precondition((0..<height).contains(row) && (0..<width).contains(column), "cell outside the frame")
        return row * width + column
    }
}
