/// A string array (`event.category`, `event.type`) in one text column: each element as its
/// UTF-8 length, a colon and the element, so any content round-trips exactly.
enum StringList {
    /// The column text; nil for an empty array.
    static func text(_ strings: [String]) -> String? {
        guard !strings.isEmpty else { return nil }
        return strings.map { "\($0.utf8.count):\($0)" }.joined()
    }

    /// The array a `text(_:)` column holds; a malformed tail is dropped.
    static func strings(_ text: String?) -> [String] {
        guard let text else { return [] }
        var strings: [String] = []
        var rest = Substring(text).utf8[...]
        while let colon = rest.firstIndex(of: UInt8(ascii: ":")),
              let length = Int(Substring(rest[rest.startIndex..<colon])),
              let end = rest.index(rest.index(after: colon), offsetBy: length, limitedBy: rest.endIndex) {
            strings.append(String(Substring(rest[rest.index(after: colon)..<end])))
            rest = rest[end...]
        }
        return strings
    }
}
