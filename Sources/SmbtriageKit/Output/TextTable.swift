
import ScreenCore

/// A plain-text table for the terminal: columns padded to their widest cell, numbers right-aligned.
/// Every cell goes through `TerminalText.safe`, since values come from logs, and a cell of any
/// column but the last is cut to `cellWidth` columns (ending in `…`), so one long value (a hostile
/// sensor name) widens no other row; `--json` keeps every value whole.
public struct TextTable {
    public enum Alignment { case left, right }

    /// The widest a cell of any column but the last may be.
    public static let cellWidth = 64

    private let headers: [String]
    private let alignments: [Alignment]
    private var rows: [[String]] = []

    public init(_ columns: [(String, Alignment)]) {
        headers = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    public mutating func append(_ cells: [String]) {
        rows.append(cells.indices.map { column in
            column == cells.count - 1 ? TerminalText.safe(cells[column]) : DisplayText.truncated(cells[column], to: Self.cellWidth)
        })
    }

    public func render() -> String {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(TerminalText.displayWidth).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - TerminalText.displayWidth(cells[column]))
                return alignments[column] == .right ? padding + cells[column] : cells[column] + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    public func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
