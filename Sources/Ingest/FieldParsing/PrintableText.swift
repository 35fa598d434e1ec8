/// Log values quoted in a rejection reason: attacker-controlled, so control characters are
/// escaped (`\u{1B}` → `\u{1b}`) and long values are cut, keeping `file:line: reason` one line.
enum PrintableText {
    /// At most `limit` characters of `text`, with controls escaped and `…` when cut.
    static func quoted(_ text: some StringProtocol, limit: Int = 64) -> String {
        var result = "\""
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if offset == limit {
                result += "…"
                break
            }
            if Self.needsEscape(scalar) {
                result += scalar.escaped(asASCII: true)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: scalar == "\"" || scalar == "\\"
        }
    }

    /// As `quoted(_:)`, for raw bytes (invalid UTF-8 shows as U+FFFD).
    static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = 64) -> String {
        quoted(String(decoding: bytes, as: UTF8.self), limit: limit)
    }
}
