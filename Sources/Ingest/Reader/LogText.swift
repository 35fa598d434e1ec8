/// Makes log bytes safe to show in a message: control characters and invalid UTF-8 are escaped,
/// long values cut, so a hostile log cannot drive the terminal.
public enum LogText {
    /// The longest value a message quotes, in bytes; longer ones end in `…`.
    public static let quotedLimit = 80

    /// The bytes as a double-quoted, escaped string.
    public static func quoted(_ bytes: LineBytes) -> String {
        let shown = String(decoding: bytes.extracting(first: quotedLimit), as: UTF8.self)
        return "\"" + escaped(shown, escapingQuotes: true) + (bytes.count > quotedLimit ? "…\"" : "\"")
    }

    /// `text` with control characters (C0, DEL, C1) written as `\u{…}` escapes; with
    /// `escapingQuotes`, also `"` and `\` backslash-escaped.
    public static func escaped(_ text: String, escapingQuotes: Bool = false) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"" where escapingQuotes: result += "\\\""
            case "\\" where escapingQuotes: result += "\\\\"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A string as a double-quoted, escaped string.
    public static func quoted(_ string: String) -> String {
        string.withLineBytes { quoted($0) }
    }
}
