import Console
import Terminal
import Testing
@testable import smbtriage

@Suite struct ConsoleBridgeMappingTests {
    @Test func copiesEveryCellOfTheScreen() {
        var screen = Screen(width: 3, height: 2)
        screen[0, 0] = Cell(grapheme: "界", style: CellStyle(emphasis: [.bold, .underline], tone: .critical))
        screen[0, 1] = Cell(grapheme: "")
        screen[1, 2] = Cell(grapheme: "x", style: CellStyle(emphasis: .reverse, tone: .muted))
        let frame = TerminalFrame(screen)
        #expect(frame.width == 3 && frame.height == 2)
        #expect(frame[0, 0] == TerminalCell(grapheme: "界", style: TerminalStyle(bold: true, underline: true, color: .red)))
        #expect(frame[0, 1].isContinuation)
        #expect(frame[1, 2] == TerminalCell(grapheme: "x", style: TerminalStyle(reverse: true, color: .gray)))
        #expect(frame[1, 0] == .blank)
    }

    @Test func mapsEmphasisToAttributes() {
        #expect(TerminalStyle(CellStyle()) == .plain)
        #expect(TerminalStyle(CellStyle(emphasis: .dim)) == TerminalStyle(dim: true))
        #expect(TerminalStyle(CellStyle(emphasis: [.bold, .reverse, .underline, .dim]))
            == TerminalStyle(bold: true, reverse: true, underline: true, dim: true))
    }

    @Test func givesEachToneItsOwnColourAndNormalNone() {
        #expect(TerminalColor(Tone.normal) == nil)
        let colours = Tone.allCases.compactMap { TerminalColor($0) }
        #expect(colours.count == Tone.allCases.count - 1)
        #expect(Set(colours).count == colours.count)
        #expect(TerminalColor(Tone.critical) == .red)
        #expect(TerminalColor(Tone.high) == .orange)
        #expect(TerminalColor(Tone.medium) == .yellow)
    }

    @Test(arguments: [
        (TerminalKey.character("é"), Key.character("é")), (.up, .up), (.down, .down), (.left, .left),
        (.right, .right), (.pageUp, .pageUp), (.pageDown, .pageDown), (.home, .home), (.end, .end),
        (.enter, .enter), (.escape, .escape), (.tab, .tab), (.backTab, .backTab),
        (.backspace, .backspace), (.delete, .delete), (.ctrl("l"), .ctrl("l")),
    ])
    func mapsKeysOneToOne(terminalKey: TerminalKey, key: Key) {
        #expect(Key(terminalKey) == key)
    }

    @Test func turnsResizesAndTheWheelIntoConsoleInput() {
        guard case .resize(120, 40) = ConsoleInput(.resize(width: 120, height: 40)) else {
            Issue.record("a resize must stay a resize")
            return
        }
        let wheel = { (action: TerminalMouseEvent.Action) in
            ConsoleInput(.mouse(TerminalMouseEvent(action: action, position: TerminalPosition(row: 3, column: 7))))
        }
        guard case .key(.up) = wheel(.wheelUp), case .key(.down) = wheel(.wheelDown) else {
            Issue.record("the wheel must scroll like the arrow keys")
            return
        }
        guard case .key(.character("q")) = ConsoleInput(.key(.character("q"))) else {
            Issue.record("a key must stay that key")
            return
        }
    }
}
