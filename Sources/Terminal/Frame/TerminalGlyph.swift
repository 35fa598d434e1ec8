import CNcursesw

/// The wide characters curses draws for one cell's grapheme, made safe to send to a terminal.
enum TerminalGlyph {
    /// Drawn in place of a grapheme holding a control or format character (which could move the
    /// cursor, reorder text or change the terminal's state) — log text is attacker-controlled.
    static let replacement: Unicode.Scalar = "\u{FFFD}"
    /// Put before a grapheme that starts with a combining mark, which has nothing to combine with.
    static let combiningBase: Unicode.Scalar = "\u{25CC}"

    /// `grapheme` as a NUL-terminated `wchar_t` string for `setcchar`: its first character and the
    /// combining marks after it that fit in a curses cell. Emoji joined into one picture (ZWJ
    /// sequences, flags, skin tones) keep only their first emoji: terminals disagree on how wide
    /// the joined picture is, and a guess that differs from the console's shifts the rest of the row.
    static func wideCharacters(for grapheme: String) -> [wchar_t] {
        var scalars = Array(grapheme.unicodeScalars)
        if scalars.isEmpty || scalars.contains(where: isUnsafe) {
            scalars = [replacement]
        } else if isCombining(scalars[0]) {
            scalars.insert(combiningBase, at: 0)
        }
        let marks = scalars.dropFirst().prefix(while: isCombining)
        let capacity = Int(smb_cell_capacity())
        return ([scalars[0]] + marks).prefix(capacity).map { wchar_t(bitPattern: $0.value) } + [0]
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate:
            // The zero-width joiner only glues emoji together.
            return scalar != "\u{200D}"
        default:
            return false
        }
    }

    private static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
