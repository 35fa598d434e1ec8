import CNcursesw

/// The colour pairs a session sets up and the curses attributes each `TerminalStyle` draws with.
///
/// Pair `n + 1` draws `TerminalColor.allCases[n]` on the terminal's default background. Colours are
/// picked for the terminal's colour count; one it cannot show is drawn in the default colour, except
/// gray, which means "de-emphasised" and is drawn dim instead.
struct TerminalPalette: Equatable {
    /// The curses colour number each colour is drawn with.
    let foregrounds: [TerminalColor: Int16]

    /// No colours: every style is drawn in the terminal's foreground.
    static let monochrome = TerminalPalette(foregrounds: [:])

    private init(foregrounds: [TerminalColor: Int16]) {
        self.foregrounds = foregrounds
    }

    /// The palette for a terminal showing `colorCount` colours (curses' `COLORS`).
    init(colorCount: Int) {
        switch colorCount {
        case 256...:
            foregrounds = [.red: 196, .orange: 208, .yellow: 220, .green: 34, .blue: 33,
                           .magenta: 170, .cyan: 37, .gray: 244]
        case 16...:
            foregrounds = [.red: 1, .orange: 9, .yellow: 3, .green: 2, .blue: 4, .magenta: 5, .cyan: 6,
                           .gray: 8]
        case 8...:
            foregrounds = [.red: 1, .orange: 1, .yellow: 3, .green: 2, .blue: 4, .magenta: 5, .cyan: 6]
        default:
            foregrounds = [:]
        }
    }

    /// The pairs to set up with `init_pair`, each with its foreground colour number.
    var pairs: [(pair: Int16, foreground: Int16)] {
        TerminalColor.allCases.compactMap { color in
            foregrounds[color].map { (Self.pair(of: color), $0) }
        }
    }

    /// The attributes and colour pair `style` is drawn with.
    func rendition(of style: TerminalStyle) -> (attributes: attr_t, pair: Int16) {
        var attributes = smb_a_normal()
        if style.bold { attributes |= smb_a_bold() }
        if style.reverse { attributes |= smb_a_reverse() }
        if style.underline { attributes |= smb_a_underline() }
        if style.dim { attributes |= smb_a_dim() }
        guard let color = style.color else { return (attributes, 0) }
        if foregrounds[color] != nil { return (attributes, Self.pair(of: color)) }
        if color == .gray { attributes |= smb_a_dim() }
        return (attributes, 0)
    }

    private static func pair(of color: TerminalColor) -> Int16 {
        Int16(TerminalColor.allCases.firstIndex(of: color)! + 1)
    }
}
