/// Fuzz inputs as the text the parsers of rules and exceptions take.
public enum FuzzText {
    /// The bytes as UTF-8 text (invalid sequences replaced, as reading a file does).
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
