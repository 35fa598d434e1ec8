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

    @Test func keepsEmojiJoinersButNoMoreThanACellHolds() {
        #expect(scalars("👩‍👧") == [0x1F469, 0x200D, 0x1F467, 0])
        let family = "👨‍👩‍👧‍👦"  // seven scalars
        #expect(scalars(family) == [0x1F468, 0x200D, 0x1F469, 0x200D, 0x1F467, 0])
    }
}
