/// A strict JSON (RFC 8259) parser that keeps each value's byte offset.
struct JSONNodeParser {
    private let bytes: [UInt8]
    private var position = 0
    /// Nesting limit, so a hostile file cannot exhaust the stack.
    private static let maximumDepth = 256

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses a whole document (one value, surrounded by whitespace only).
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONNodeParser(bytes)
        parser.skipWhitespace()
        let root = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return root
    }

    /// The byte offset of each Unicode scalar of the string literal starting at `offset` (the
    /// opening quote), plus the offset of the closing quote: maps positions in a decoded string
    /// back to the file.
    static func scalarOffsets(ofStringAt offset: Int, in bytes: [UInt8]) -> [Int] {
        var parser = JSONNodeParser(bytes)
        parser.position = offset
        var offsets: [Int] = []
        _ = try? parser.string(recordingScalarOffsets: &offsets)
        return offsets
    }

    private func error(_ reason: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? position, reason: reason)
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard depth < Self.maximumDepth else { throw error("nesting is deeper than \(Self.maximumDepth) levels") }
        let start = position
        guard let byte = current else { throw error("expected a value, found the end of the file") }
        switch byte {
        case UInt8(ascii: "{"): return JSONNode(value: .object(try members(depth: depth)), offset: start)
        case UInt8(ascii: "["): return JSONNode(value: .array(try elements(depth: depth)), offset: start)
        case UInt8(ascii: "\""):
            var ignored: [Int] = []
            return JSONNode(value: .string(try string(recordingScalarOffsets: &ignored)), offset: start)
        case UInt8(ascii: "t"): try literal("true"); return JSONNode(value: .bool(true), offset: start)
        case UInt8(ascii: "f"): try literal("false"); return JSONNode(value: .bool(false), offset: start)
        case UInt8(ascii: "n"): try literal("null"); return JSONNode(value: .null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSONNode(value: .number(try number()), offset: start)
        default: throw error("expected a value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func members(depth: Int) throws(JSONSyntaxError) -> [JSONNode.Member] {
        position += 1
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") { position += 1; return members }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
            let keyOffset = position
            var ignored: [Int] = []
            let key = try string(recordingScalarOffsets: &ignored)
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
            position += 1
            skipWhitespace()
            if members.contains(where: { $0.key == key }) {
                throw error("duplicate key \"\(key.printableEscaped)\"", at: keyOffset)
            }
            members.append(JSONNode.Member(key: key, keyOffset: keyOffset, value: try value(depth: depth + 1)))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return members
            default: throw error("expected ',' or '}' after the value")
            }
        }
    }

    private mutating func elements(depth: Int) throws(JSONSyntaxError) -> [JSONNode] {
        position += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { position += 1; return elements }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return elements
            default: throw error("expected ',' or ']' after the value")
            }
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let expected = Array(word.utf8)
        guard bytes[position...].starts(with: expected) else { throw error("expected \(word)") }
        position += expected.count
    }

    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = position
        func digits() -> Int {
            let first = position
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
            return position - first
        }
        if current == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0 else { throw error("expected a digit") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw error("a number may not have leading zeros", at: integerStart)
        }
        if current == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw error("expected a digit after '.'") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Parses a string literal at `position` (the opening quote), appending each decoded
    /// scalar's byte offset and finally the closing quote's offset to `offsets`.
    private mutating func string(recordingScalarOffsets offsets: inout [Int]) throws(JSONSyntaxError) -> String {
        let start = position
        position += 1
        var scalars = String.UnicodeScalarView()
        while let byte = current {
            let scalarStart = position
            switch byte {
            case UInt8(ascii: "\""):
                offsets.append(position)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                scalars.append(try escape())
            case 0x00..<0x20:
                throw error("a control character must be escaped inside a string")
            default:
                scalars.append(try utf8Scalar())
            }
            offsets.append(scalarStart)
        }
        throw error("the string starting here has no closing quote", at: start)
    }

    private mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
        position += 1
        guard let byte = current else { throw error("unfinished escape sequence") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let escapeStart = position - 2
            let unit = try hexUnit()
            if (0xD800..<0xDC00).contains(unit) {
                guard bytes[position...].starts(with: Array("\\u".utf8)) else {
                    throw error("a high surrogate must be followed by a low surrogate", at: escapeStart)
                }
                position += 2
                let low = try hexUnit()
                guard (0xDC00..<0xE000).contains(low),
                      let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                else { throw error("invalid surrogate pair", at: escapeStart) }
                return scalar
            }
            guard let scalar = Unicode.Scalar(unit) else { throw error("lone low surrogate", at: escapeStart) }
            return scalar
        default:
            throw error("unknown escape sequence", at: position - 2)
        }
    }

    private mutating func hexUnit() throws(JSONSyntaxError) -> UInt32 {
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let nibble = IPAddress.hexValue(byte) else { throw error("expected 4 hex digits") }
            unit = unit << 4 | UInt32(nibble)
            position += 1
        }
        return unit
    }

    private mutating func utf8Scalar() throws(JSONSyntaxError) -> Unicode.Scalar {
        let lead = bytes[position]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, position + length <= bytes.count else { throw error("invalid UTF-8") }
        var decoder = UTF8()
        var iterator = bytes[position..<(position + length)].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { throw error("invalid UTF-8") }
        position += length
        return scalar
    }
}
