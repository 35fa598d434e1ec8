import ScreenCore

/// A vertical bar chart of values, newest on the right, in eighth-block resolution.
enum BarChart {
    /// Draws the last values that fit into `height` rows from `top`, with the peak labelled on the
    /// left (written by `format`); returns the columns of the bars drawn, one value each.
    @discardableResult
    static func draw(_ values: [Int64], label format: (Int64) -> String, top: Int, height: Int, into screen: inout Screen,
                     theme: Theme) -> Range<Int> {
        let peak = values.max() ?? 0
        let label = format(peak)
        let left = DisplayWidth.of(label) + 2
        let shown = Array(values.suffix(max(0, screen.width - left - 1)))
        screen.draw(label, row: top, column: 1, style: theme.muted)
        screen.draw("0", row: top + height - 1, column: left - 2, style: theme.muted)
        let columns = left..<(left + shown.count)
        guard peak > 0, height > 0 else { return columns }
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        for (offset, value) in shown.enumerated() {
            let eighths = Int((Double(value) / Double(peak) * Double(height * 8)).rounded(.up))
            for level in 0..<height {
                let filled = eighths - level * 8
                guard filled > 0 else { break }
                let block = filled >= 8 ? "█" : String(blocks[filled - 1])
                screen.draw(block, row: top + height - 1 - level, column: left + offset, style: theme.style(.accent))
            }
        }
        return columns
    }
}
