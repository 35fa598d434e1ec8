/// The one place text becomes displayable: every string the view draws passes through
/// `sanitized(_:)`, so log-derived control characters and escape sequences never reach a cell raw.
public enum DisplayText {
    /// `text` with C0 controls, DEL, C1 controls and bidirectional overrides written as escapes
    /// (`\n`, `\t`, `\x1b`, `\u{202E}`); everything else unchanged. When anything is escaped, a
    /// literal backslash is doubled too, so a logged `\x1b` text cannot pass for an escaped ESC.
    public static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                if scalar == "\\" { result += "\\\\" } else { result.unicodeScalars.append(scalar) }
                continue
            }
            switch scalar.value {
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0...0xFF: result += "\\x" + hex(scalar.value, digits: 2)
            default: result += "\\u{" + hex(scalar.value, digits: 4) + "}"
            }
        }
        return result
    }

    /// The columns `text` occupies once sanitized.
    public static func width(_ text: String) -> Int {
        DisplayWidth.of(sanitized(text))
    }

    /// `text` sanitized and cut to at most `columns` columns, ending in `…` when cut.
    public static func truncated(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        // Only the start of a very long (hostile) value can show: the rest is neither sanitized nor measured.
        let clean: String
        let isCut: Bool
        if let end = text.index(text.startIndex, offsetBy: columns + 64, limitedBy: text.endIndex), end < text.endIndex {
            clean = sanitized(String(text[..<end]))
            isCut = true
        } else {
            clean = sanitized(text)
            isCut = false
        }
        guard isCut || DisplayWidth.of(clean) > columns else { return clean }
        var result = ""
        var used = 0
        for character in clean {
            let width = DisplayWidth.of(character)
            if used + width > columns - 1 { break }
            result.append(character)
            used += width
        }
        return result + "…"
    }

    /// `text` sanitized and cut to at most `columns` columns in the middle, the cut shown as `…`:
    /// both ends of an address (its network, its host part) stay, and it never reads as another one.
    public static func elided(_ text: String, to columns: Int) -> String {
        let clean = sanitized(text)
        guard DisplayWidth.of(clean) > columns else { return clean }
        guard columns > 1 else { return columns == 1 ? "…" : "" }
        let characters = Array(clean)
        var front = 0, back = characters.count, headWidth = 0, tailWidth = 0
        // The head takes the extra column of an odd split: "2001:db8:…:1" keeps the network readable.
        while front < back {
            let takeHead = headWidth <= tailWidth
            let width = DisplayWidth.of(takeHead ? characters[front] : characters[back - 1])
            guard headWidth + tailWidth + width + 1 <= columns else { break }
            if takeHead {
                headWidth += width
                front += 1
            } else {
                tailWidth += width
                back -= 1
            }
        }
        return String(characters[..<front]) + "…" + String(characters[back...])
    }

    /// `text` sanitized and cut to at most `columns` columns at a space, ending in `…` when cut: a
    /// word (an address, a number) is shown whole or not at all, never cut in the middle.
    public static func truncatedAtWords(_ text: String, to columns: Int) -> String {
        let clean = sanitized(text)
        guard DisplayWidth.of(clean) > columns else { return clean }
        guard columns > 0 else { return "" }
        var kept = ""
        for word in clean.split(separator: " ", omittingEmptySubsequences: false) {
            let longer = kept.isEmpty ? String(word) : kept + " " + word
            guard DisplayWidth.of(longer) + 2 <= columns else { break }
            kept = longer
        }
        return kept.isEmpty ? "…" : kept + " …"
    }

    /// The first `limit` characters of `text`, with `…` when there were more.
    public static func capped(_ text: String, at limit: Int) -> String {
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex else {
            return text
        }
        return text[..<end] + "…"
    }

    /// `text` truncated to `columns` and padded with spaces to exactly that width.
    public static func fitted(_ text: String, to columns: Int, alignRight: Bool = false) -> String {
        let cut = truncated(text, to: columns)
        let padding = String(repeating: " ", count: max(0, columns - DisplayWidth.of(cut)))
        return alignRight ? padding + cut : cut + padding
    }

    /// `text` sanitized (so a newline in it shows as `\n`) and broken into lines of at most
    /// `columns` columns, at spaces when possible; a word longer than a line is split.
    public static func wrapped(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in sanitized(text).split(separator: " ", omittingEmptySubsequences: false) {
            var rest = Substring(word)
            let separator = line.isEmpty ? 0 : 1
            let wordWidth = DisplayWidth.of(rest)
            if used + separator + wordWidth <= columns {
                line += (separator == 1 ? " " : "") + rest
                used += separator + wordWidth
                continue
            }
            if !line.isEmpty { lines.append(line) }
            // The rest's width is kept as chunks leave it (measuring it anew each time made a
            // long word quadratic: a 64 K-character one took a second).
            var restWidth = wordWidth
            while restWidth > columns {
                var chunk = ""
                var chunkWidth = 0
                while let next = rest.first, chunkWidth + DisplayWidth.of(next) <= columns {
                    chunk.append(next)
                    chunkWidth += DisplayWidth.of(next)
                    rest = rest.dropFirst()
                }
                if chunk.isEmpty {
                    let wide = rest.removeFirst()
                    chunk.append(wide)
                    chunkWidth = DisplayWidth.of(wide)
                }
                lines.append(chunk)
                restWidth -= chunkWidth
            }
            line = String(rest)
            used = restWidth
        }
        lines.append(line)
        return lines
    }

    /// True for the scalars a terminal may act on: C0 controls, DEL, C1 controls and bidirectional
    /// overrides and isolates.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
