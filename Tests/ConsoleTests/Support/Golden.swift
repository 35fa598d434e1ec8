import Foundation
import ScreenCore
import Testing

/// Compares a screen with `Golden/<name>.txt` (its text) and `Golden/<name>.style` (its styles, a
/// `StyleLayer`); on a difference names the cells that differ. With `UPDATE_GOLDENS=1` writes both instead.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")
    /// How many differing cells a failure lists.
    static let reportedCells = 12

    static func check(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let textURL = directory.appendingPathComponent(name + ".txt")
        let styleURL = directory.appendingPathComponent(name + ".style")
        let styles = StyleLayer(screen)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try (screen.text() + "\n").write(to: textURL, atomically: true, encoding: .utf8)
            try (styles.text + "\n").write(to: styleURL, atomically: true, encoding: .utf8)
            return
        }
        let expectedText = try String(contentsOf: textURL, encoding: .utf8)
        let expectedStyles = try #require(StyleLayer(text: String(contentsOf: styleURL, encoding: .utf8)),
                                          "Golden/\(name).style is malformed", sourceLocation: sourceLocation)
        let differences = differingCells(screen, text: expectedText, styles: expectedStyles)
        #expect(differences.isEmpty, """
            screen differs from Golden/\(name).txt/.style in \(differences.count) cells (UPDATE_GOLDENS=1 regenerates):
            \(differences.prefix(reportedCells).joined(separator: "\n"))
            """, sourceLocation: sourceLocation)
    }

    /// One line per cell whose character or style differs from the golden ones:
    /// `row 3, column 7: expected "a" accent bold, got "a" muted dim`.
    static func differingCells(_ screen: Screen, text: String, styles: StyleLayer) -> [String] {
        let expectedRows = text.split(separator: "\n", omittingEmptySubsequences: false).map(graphemeCells)
        var differences: [String] = []
        for row in 0..<max(screen.height, styles.rows.count) {
            for column in 0..<max(screen.width, styles.rows.first?.count ?? 0) {
                let expectedGrapheme = expectedRows.indices.contains(row) && expectedRows[row].indices.contains(column)
                    ? expectedRows[row][column] : " "
                let expectedStyle = styles.rows.indices.contains(row) && styles.rows[row].indices.contains(column)
                    ? styles.rows[row][column] : nil
                let actual = screen[row, column]
                guard actual.grapheme != expectedGrapheme || actual.style != expectedStyle else { continue }
                differences.append("row \(row), column \(column): expected \(describe(expectedGrapheme, expectedStyle)), "
                                   + "got \(describe(actual.grapheme, actual.style))")
            }
        }
        return differences
    }

    /// A golden text line as cells: a wide character's right half is the empty grapheme, as on a `Screen`.
    private static func graphemeCells(_ line: Substring) -> [String] {
        line.flatMap { character in DisplayWidth.of(character) == 2 ? [String(character), ""] : [String(character)] }
    }

    private static func describe(_ grapheme: String, _ style: CellStyle?) -> String {
        "\(grapheme.debugDescription) " + (style.map(StyleLayer.name) ?? "no cell")
    }
}
