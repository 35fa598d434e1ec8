import ScreenCore

extension Screen {
    /// The cells to draw so the screen shows this screen when it already shows `previous`: every cell
    /// when there is no previous screen or its size differs, else the cells that changed, in drawing
    /// order (row by row, left to right) so a wide character is drawn before what follows it.
    func positionsToRedraw(after previous: Screen?) -> [CellPosition] {
        let redrawsEverything = previous.map { $0.width != width || $0.height != height } ?? true
        var positions: [CellPosition] = []
        for row in 0..<height {
            for column in 0..<width {
                let cell = self[row, column]
                guard !cell.isContinuation else { continue }
                if redrawsEverything || previous?[row, column] != cell
                    || wideCharacterNeighbourChanged(row: row, column: column, previous: previous) {
                    positions.append(CellPosition(row: row, column: column))
                }
            }
        }
        return positions
    }

    /// Whether the cell right of a wide character changed, which curses only repaints with the
    /// character itself.
    private func wideCharacterNeighbourChanged(row: Int, column: Int, previous: Screen?) -> Bool {
        guard let previous, column + 1 < width, self[row, column + 1].isContinuation else { return false }
        return previous[row, column + 1] != self[row, column + 1]
    }
}
