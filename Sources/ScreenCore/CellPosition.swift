/// A cell's place on the screen, counted from the top-left corner.
public struct CellPosition: Hashable, Sendable {
    /// Rows down from the top, from 0.
    public var row: Int
    /// Columns right from the left edge, from 0.
    public var column: Int

    /// The cell at `row`, `column`.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
