/// A cell's place on the screen, counted from the top-left corner.
public struct TerminalPosition: Hashable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
