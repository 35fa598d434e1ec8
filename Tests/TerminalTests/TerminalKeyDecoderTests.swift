import CNcursesw
import ScreenCore
import Testing
@testable import Terminal

@Suite struct TerminalKeyDecoderTests {
    @Test(arguments: [
        (UInt32(0x0D), Key.enter), (0x0A, .enter), (0x09, .tab), (0x1B, .escape),
        (0x7F, .backspace), (0x08, .backspace),
        (0x01, .ctrl("a")), (0x03, .ctrl("c")), (0x1A, .ctrl("z")), (0x00, .ctrl("@")),
        (0x1D, .ctrl("]")), (0x1F, .ctrl("_")),
        (0x71, .character("q")), (0x51, .character("Q")), (0x20, .character(" ")),
        (0xE9, .character("é")), (0x754C, .character("界")), (0x1F600, .character("😀")),
    ])
    func decodesCharacters(value: UInt32, key: Key) {
        #expect(TerminalKeyDecoder.key(forCharacter: value) == key)
    }

    @Test(arguments: [UInt32(0x9B), 0x85, 0x80, 0xD800, 0x11_0000])
    func dropsC1ControlsAndInvalidCodePoints(value: UInt32) {
        #expect(TerminalKeyDecoder.key(forCharacter: value) == nil)
    }

    @Test(arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
        (KEY_ENTER, .enter), (KEY_BTAB, .backTab), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete),
    ])
    func decodesFunctionKeyCodes(code: Int32, key: Key) {
        #expect(TerminalKeyDecoder.key(forKeyCode: code) == key)
    }

    @Test func ignoresFunctionKeysTheConsoleDoesNotUse() {
        #expect(TerminalKeyDecoder.key(forKeyCode: KEY_F0 + 1) == nil)
        #expect(TerminalKeyDecoder.key(forKeyCode: KEY_IC) == nil)
    }

    @Test func teachesCursesEscapeSequencesForHomeAndEndOnly() {
        let keys = TerminalKeyDecoder.homeAndEndSequences.map { TerminalKeyDecoder.key(forKeyCode: $0.code) }
        #expect(Set(keys) == [.home, .end])
        #expect(TerminalKeyDecoder.homeAndEndSequences.allSatisfy { $0.sequence.hasPrefix("\u{1B}") })
        #expect(TerminalKeyDecoder.homeAndEndSequences.contains { $0.sequence == "\u{1B}[1~" && $0.code == KEY_HOME })
    }

    @Test func resizeAndMouseAreNotKeys() {
        #expect(TerminalKeyDecoder.key(forKeyCode: KEY_RESIZE) == nil)
        #expect(TerminalKeyDecoder.key(forKeyCode: KEY_MOUSE) == nil)
    }
}
