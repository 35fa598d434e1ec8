import Console
import Terminal

extension TerminalFrame {
    /// The frame that draws the console's `screen`, cell for cell.
    init(_ screen: Screen) {
        self.init(width: screen.width, height: screen.height)
        for row in 0..<screen.height {
            for column in 0..<screen.width {
                let cell = screen[row, column]
                self[row, column] = TerminalCell(grapheme: cell.grapheme, style: TerminalStyle(cell.style))
            }
        }
    }
}
