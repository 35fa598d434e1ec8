import Testing
@testable import Terminal

@Suite struct TerminalGlyphTests {
    private func scalars(_ grapheme: String) -> [UInt32] {
        TerminalGlyph.wideCharacters(for: grapheme).map { UInt32(bitPattern: $0) }
    }

    @Test func keepsPrintableCharactersNulTerminated() {
        #expect(scalars("a") == [0x61, 0])
        #expect(scalars("界") == [0x754C, 0])
        #expect(scalars("e\u{301}") == [0x65, 0x301, 0])
    }

    @Test(arguments: ["\u{1B}", "\t", "\u{7F}", "\u{85}", "\u{9B}", "\u{202E}", "\u{2066}", "\u{2028}", "a\u{0}", ""])
    func replacesControlAndFormatCharacters(grapheme: String) {
        #expect(scalars(grapheme) == [0xFFFD, 0])
    }

    @Test func givesALoneCombiningMarkABase() {
        #expect(scalars("\u{301}") == [0x25CC, 0x301, 0])
    }

    @Test func keepsNoMoreMarksThanACellHolds() {
        let stacked = "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}"
        #expect(scalars(stacked) == [0x61, 0x301, 0x302, 0x303, 0x304, 0])
    }

    @Test func keepsTheFirstEmojiOfAJoinedPicture() {
        #expect(scalars("👩‍👧") == [0x1F469, 0])
        #expect(scalars("👍🏽") == [0x1F44D, 0])
        #expect(scalars("🇩🇪") == [0x1F1E9, 0])
        #expect(scalars("❤️") == [0x2764, 0xFE0F, 0])
    }
}
