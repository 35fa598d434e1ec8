import CNcursesw
import ScreenCore
import Testing
@testable import Terminal

@Suite struct TerminalPaletteTests {
    /// Every tone but `normal`, which is the terminal's own foreground.
    private let colouredTones = Tone.allCases.filter { $0 != .normal }

    @Test func givesEveryToneButNormalItsOwnPairOn256ColourTerminals() {
        let palette = TerminalPalette(colorCount: 256)
        let pairs = palette.pairs.map(\.pair)
        #expect(pairs == Array(1...Int16(colouredTones.count)))
        let renditions = colouredTones.map { palette.rendition(of: CellStyle(tone: $0)).pair }
        #expect(renditions == pairs)
        #expect(Set(palette.pairs.map(\.foreground)).count == colouredTones.count)
        #expect(palette.rendition(of: CellStyle(tone: .normal)).pair == 0)
    }

    @Test func drawsSeveritiesRedOrangeYellowBlue() {
        let palette = TerminalPalette(colorCount: 256)
        #expect(palette.foregrounds[.critical] == 196)
        #expect(palette.foregrounds[.high] == 208)
        #expect(palette.foregrounds[.medium] == 220)
        #expect(palette.foregrounds[.low] == 33)
        #expect(palette.foregrounds[.normal] == nil)
    }

    @Test func drawsMutedDimWhereTheTerminalHasNoGray() {
        let palette = TerminalPalette(colorCount: 8)
        #expect(palette.foregrounds[.muted] == nil)
        #expect(palette.pairs.allSatisfy { $0.foreground < 8 })
        let muted = palette.rendition(of: CellStyle(tone: .muted))
        #expect(muted.pair == 0)
        #expect(muted.attributes == smb_a_dim())
    }

    @Test func drawsEverythingInTheDefaultColourWithoutColours() {
        let palette = TerminalPalette.monochrome
        #expect(palette.pairs.isEmpty)
        #expect(palette.rendition(of: CellStyle(emphasis: .bold, tone: .critical)) == (smb_a_bold(), 0))
        #expect(TerminalPalette(colorCount: 2) == .monochrome)
    }

    @Test func mapsEachEmphasisToItsCursesBit() {
        let palette = TerminalPalette(colorCount: 256)
        #expect(palette.rendition(of: .plain) == (smb_a_normal(), 0))
        #expect(palette.rendition(of: CellStyle(emphasis: .bold)).attributes == smb_a_bold())
        #expect(palette.rendition(of: CellStyle(emphasis: .reverse)).attributes == smb_a_reverse())
        #expect(palette.rendition(of: CellStyle(emphasis: .underline)).attributes == smb_a_underline())
        #expect(palette.rendition(of: CellStyle(emphasis: .dim)).attributes == smb_a_dim())
        let all = CellStyle(emphasis: [.bold, .reverse, .underline, .dim], tone: .ok)
        #expect(palette.rendition(of: all).attributes
            == smb_a_bold() | smb_a_reverse() | smb_a_underline() | smb_a_dim())
    }
}
