import CNcursesw
import Testing
@testable import Terminal

@Suite struct TerminalPaletteTests {
    @Test func givesEveryColourItsOwnPairOn256ColourTerminals() {
        let palette = TerminalPalette(colorCount: 256)
        let pairs = palette.pairs.map(\.pair)
        #expect(pairs == Array(1...Int16(TerminalColor.allCases.count)))
        let renditions = TerminalColor.allCases.map { palette.rendition(of: TerminalStyle(color: $0)).pair }
        #expect(renditions == pairs)
        #expect(Set(palette.pairs.map(\.foreground)).count == TerminalColor.allCases.count)
    }

    @Test func drawsGrayDimWhereTheTerminalHasNoGray() {
        let palette = TerminalPalette(colorCount: 8)
        #expect(palette.foregrounds[.gray] == nil)
        #expect(palette.pairs.allSatisfy { $0.foreground < 8 })
        let gray = palette.rendition(of: TerminalStyle(color: .gray))
        #expect(gray.pair == 0)
        #expect(gray.attributes == smb_a_dim())
    }

    @Test func drawsEverythingInTheDefaultColourWithoutColours() {
        let palette = TerminalPalette.monochrome
        #expect(palette.pairs.isEmpty)
        #expect(palette.rendition(of: TerminalStyle(bold: true, color: .red)) == (smb_a_bold(), 0))
        #expect(TerminalPalette(colorCount: 2) == .monochrome)
    }

    @Test func mapsEachAttributeToItsCursesBit() {
        let palette = TerminalPalette(colorCount: 256)
        #expect(palette.rendition(of: .plain) == (smb_a_normal(), 0))
        #expect(palette.rendition(of: TerminalStyle(bold: true)).attributes == smb_a_bold())
        #expect(palette.rendition(of: TerminalStyle(reverse: true)).attributes == smb_a_reverse())
        #expect(palette.rendition(of: TerminalStyle(underline: true)).attributes == smb_a_underline())
        #expect(palette.rendition(of: TerminalStyle(dim: true)).attributes == smb_a_dim())
        let all = TerminalStyle(bold: true, reverse: true, underline: true, dim: true, color: .green)
        #expect(palette.rendition(of: all).attributes
            == smb_a_bold() | smb_a_reverse() | smb_a_underline() | smb_a_dim())
    }
}
