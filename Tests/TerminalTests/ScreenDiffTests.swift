import ScreenCore
import Testing
@testable import Terminal

@Suite struct ScreenDiffTests {
    private func frame(_ rows: [String], width: Int = 4) -> Screen {
        var frame = Screen(width: width, height: rows.count)
        for (row, text) in rows.enumerated() {
            for (column, character) in text.enumerated() {
                frame[row, column] = Cell(grapheme: character == "_" ? "" : String(character))
            }
        }
        return frame
    }

    private func positions(_ list: [(Int, Int)]) -> [CellPosition] {
        list.map { CellPosition(row: $0.0, column: $0.1) }
    }

    @Test func drawsEveryCellTheFirstTime() {
        #expect(frame(["ab", "cd"], width: 2).positionsToRedraw(after: nil)
            == positions([(0, 0), (0, 1), (1, 0), (1, 1)]))
    }

    @Test func drawsNothingWhenNothingChanged() {
        #expect(frame(["abcd", "efgh"]).positionsToRedraw(after: frame(["abcd", "efgh"])).isEmpty)
    }

    @Test func drawsOnlyChangedCellsInOrder() {
        #expect(frame(["abXd", "Yfgh"]).positionsToRedraw(after: frame(["abcd", "efgh"]))
            == positions([(0, 2), (1, 0)]))
    }

    @Test func redrawsAStyleChange() {
        var bold = frame(["abcd"])
        bold[0, 1].style.emphasis = .bold
        #expect(bold.positionsToRedraw(after: frame(["abcd"])) == positions([(0, 1)]))
    }

    @Test func drawsEverythingAfterASizeChange() {
        #expect(frame(["ab"], width: 2).positionsToRedraw(after: frame(["abc"], width: 3))
            == positions([(0, 0), (0, 1)]))
    }

    @Test func skipsTheRightHalfOfWideCharacters() {
        var wide = Screen(width: 3, height: 1)
        wide[0, 0] = Cell(grapheme: "界")
        wide[0, 1] = Cell(grapheme: "")
        #expect(wide.positionsToRedraw(after: nil) == positions([(0, 0), (0, 2)]))
        #expect(wide.positionsToRedraw(after: frame(["ab "], width: 3)) == positions([(0, 0)]))
    }

    @Test func redrawsAWideCharacterWhenItsRightHalfChanges() {
        var before = Screen(width: 2, height: 1)
        before[0, 0] = Cell(grapheme: "界")
        before[0, 1] = Cell(grapheme: "")
        var after = before
        after[0, 1].style.emphasis = .reverse
        #expect(after.positionsToRedraw(after: before) == positions([(0, 0)]))
    }

    @Test func clampsNegativeSizesToEmpty() {
        let empty = Screen(width: -3, height: 2)
        #expect(empty.width == 0 && empty.height == 2)
        #expect(empty.positionsToRedraw(after: nil).isEmpty)
    }
}
