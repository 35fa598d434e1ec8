import ScreenCore

extension Screen {
    /// The cells to draw so the terminal shows this screen when it already shows `previous`: every
    /// cell when there is no previous screen or its size differs, else the cells that changed, in
    /// drawing order (row by row, left to right) so a wide character is drawn before what follows it.
    func positionsToRedraw(after previous: Screen?) -> [CellPosition] {
        let shown = previous.flatMap { $0.width == width && $0.height == height ? $0.cells : nil }
        var positions: [CellPosition] = []
        cells.withUnsafeBufferPointer { cells in
            for row in 0..<height {
                for column in 0..<width {
                    let index = row * width + column
                    guard !cells[index].isContinuation else { continue }
                    if let shown, shown[index] == cells[index],
                       !wideCharacterNeighbourChanged(cells, shown, index: index, column: column) { continue }
                    positions.append(CellPosition(row: row, column: column))
                }
            }
        }
        return positions
    }

    /// Whether the cell right of a wide character changed, which curses only repaints with the
    /// character itself.
    private func wideCharacterNeighbourChanged(_ cells: UnsafeBufferPointer<Cell>, _ shown: [Cell], index: Int,
                                               column: Int) -> Bool {
        guard column + 1 < width, cells[index + 1].isContinuation else { return false }
        return shown[index + 1] != cells[index + 1]
    }
}
