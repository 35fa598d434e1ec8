/// Makes log bytes safe to show in a message: control characters and invalid UTF-8 are escaped,
/// long values cut, so a hostile log cannot drive the terminal.
public enum LogText {
    /// The longest value a message quotes, in bytes; longer ones end in `…`.
    public static let quotedLimit = 80

    /// The bytes as a double-quoted, escaped string.
    public static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let shown = UnsafeBufferPointer(rebasing: bytes.prefix(quotedLimit))
        var text = "\""
        for scalar in String(decoding: shown, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                text += "\\u{\(String(scalar.value, radix: 16))}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + (bytes.count > quotedLimit ? "…\"" : "\"")
    }

    /// A string as a double-quoted, escaped string.
    public static func quoted(_ string: String) -> String {
        var bytes = Array(string.utf8)
        return bytes.withUnsafeMutableBufferPointer { quoted(UnsafeBufferPointer($0)) }
    }
}
