import CNcursesw
import ScreenCore

/// The colour pairs a session sets up and the curses attributes each `CellStyle` draws with.
///
/// Pair `n` draws `Tone.allCases[n]` on the terminal's default background (`normal`, case 0, is the
/// terminal's own foreground and has no pair). Severities run red, orange, yellow, blue as in Elastic
/// Security; `ok` is green, `accent` cyan, `muted` gray. Colours are picked for the terminal's colour
/// count; one it cannot show is drawn in the default colour, except `muted`, which means
/// "de-emphasised" and is drawn dim instead.
struct TerminalPalette: Equatable {
    /// The curses colour number each tone is drawn with.
    let foregrounds: [Tone: Int16]

    /// No colours: every style is drawn in the terminal's foreground.
    static let monochrome = TerminalPalette(foregrounds: [:])

    private init(foregrounds: [Tone: Int16]) {
        self.foregrounds = foregrounds
    }

    /// The palette for a terminal showing `colorCount` colours (curses' `COLORS`).
    init(colorCount: Int) {
        switch colorCount {
        case 256...:
            foregrounds = [.critical: 196, .high: 208, .medium: 220, .ok: 34, .low: 33, .accent: 37, .muted: 244]
        case 16...:
            foregrounds = [.critical: 1, .high: 9, .medium: 3, .ok: 2, .low: 4, .accent: 6, .muted: 8]
        case 8...:
            foregrounds = [.critical: 1, .high: 1, .medium: 3, .ok: 2, .low: 4, .accent: 6]
        default:
            foregrounds = [:]
        }
    }

    /// The pairs to set up with `init_pair`, each with its foreground colour number.
    var pairs: [(pair: Int16, foreground: Int16)] {
        Tone.allCases.compactMap { tone in
            foregrounds[tone].map { (Self.pair(of: tone), $0) }
        }
    }

    /// The attributes and colour pair `style` is drawn with.
    func rendition(of style: CellStyle) -> (attributes: attr_t, pair: Int16) {
        var attributes = smb_a_normal()
        if style.emphasis.contains(.bold) { attributes |= smb_a_bold() }
        if style.emphasis.contains(.reverse) { attributes |= smb_a_reverse() }
        if style.emphasis.contains(.underline) { attributes |= smb_a_underline() }
        if style.emphasis.contains(.dim) { attributes |= smb_a_dim() }
        if foregrounds[style.tone] != nil { return (attributes, Self.pair(of: style.tone)) }
        if style.tone == .muted { attributes |= smb_a_dim() }
        return (attributes, 0)
    }

    private static func pair(of tone: Tone) -> Int16 {
        Int16(Tone.allCases.firstIndex(of: tone)!)
    }
}
