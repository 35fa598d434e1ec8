/// A string array (`event.category`, `event.type`) in one text column: each element as its
/// UTF-8 length, a colon and the element, so any content round-trips exactly. Both directions
/// run for every stored and every evaluated event, so they work on the UTF-8 bytes directly.
enum StringList {
    /// The column text; nil for an empty array.
    static func text(_ strings: [String]) -> String? {
        guard !strings.isEmpty else { return nil }
        var text = ""
        text.reserveCapacity(strings.reduce(0) { $0 + $1.utf8.count + 4 })
        for string in strings {
            text += String(string.utf8.count)
            text += ":"
            text += string
        }
        return text
    }

    /// The array a `text(_:)` column holds; a malformed tail is dropped.
    static func strings(_ text: String?) -> [String] {
        guard var text else { return [] }
        return text.withUTF8 { bytes in
            var strings: [String] = []
            var index = 0
            while index < bytes.count {
                var length = 0
                let digitsStart = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]),
                      length <= bytes.count {
                    length = length * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                    index += 1
                }
                guard index > digitsStart, index < bytes.count, bytes[index] == UInt8(ascii: ":"),
                      length <= bytes.count - index - 1 else { break }
                index += 1
                strings.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + length]),
                                      as: UTF8.self))
                index += length
            }
            return strings
        }
    }
}
