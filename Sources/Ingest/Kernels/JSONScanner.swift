/// A cursor over the bytes of one JSON text that scans tokens and reports errors at byte offsets.
/// One of the Ingest kernel files (see ARCHITECTURE.md): it keeps the text as a pointer (a type
/// that stores a `Span` needs the experimental `Lifetimes` feature in Swift 6.3) and reads it 8
/// bytes at a time. `FlatJSONObject` is its API; `FlatJSONScannerProperties` checks it against
/// JSONSerialization and `KernelDifferentialTests` against a plain string decoder.
struct JSONScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ text: LineBytes) {
        bytes = text.unsafeBuffer
    }

    /// The text being scanned.
    var text: LineBytes { LineBytes(unsafeBuffer: bytes) }

    var atEnd: Bool { position >= bytes.count }

    /// The current byte, or 0 at the end (0 never starts a token).
    @inline(__always)
    func peek() -> UInt8 { position < bytes.count ? bytes[position] : 0 }

    @inline(__always)
    mutating func advance() { position += 1 }

    /// Moves past `count` bytes the caller has read itself.
    @inline(__always)
    mutating func advance(by count: Int) { position += count }

    func error(_ reason: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? position, reason: reason)
    }

    /// Skips whitespace and returns the byte there (0 at the end): one bounds check in the
    /// common case of no whitespace between tokens.
    @inline(__always)
    mutating func nextToken() -> UInt8 {
        if position < bytes.count {
            let byte = bytes[position]
            if byte > 0x20 { return byte }
        }
        skipWhitespace()
        return peek()
    }

    @inline(__always)
    mutating func skipWhitespace() {
        // NDJSON writers rarely put spaces between tokens.
        if position < bytes.count, bytes[position] > 0x20 { return }
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Scans the string starting at the current `"`. Without escapes it returns the content's range
    /// in `bytes` and leaves `decoded` alone; with escapes it appends the decoded content to
    /// `decoded` and returns nil.
    @inline(__always)
    mutating func scanString(decodingEscapesInto decoded: inout RawBuffer<UInt8>) throws(JSONSyntaxError) -> Range<Int>? {
        // Fast path: plain ASCII up to the closing quote, found 8 bytes at a time.
        let start = position + 1
        let base = bytes.baseAddress!
        var cursor = start
        while cursor &+ 8 <= bytes.count {
            let mask = Self.attentionMask(UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self))
            if mask == 0 {
                cursor &+= 8
                continue
            }
            cursor &+= mask.trailingZeroBitCount &>> 3
            if base[cursor] == UInt8(ascii: "\"") {
                position = cursor &+ 1
                return start..<cursor
            }
            break
        }
        position = start
        return try scanStringSlowly(decodingEscapesInto: &decoded)
    }

    /// `scanString` for strings with escapes or non-ASCII bytes, and near the end of the input.
    @inline(never)
    private mutating func scanStringSlowly(decodingEscapesInto decoded: inout RawBuffer<UInt8>) throws(JSONSyntaxError) -> Range<Int>? {
        let start = position
        var runStart = start
        var escaped = false
        let base = bytes.baseAddress!
        let count = bytes.count
        while true {
            // Jump to the first byte that needs a look, 8 bytes at a time.
            if position + 8 <= count {
                let mask = Self.attentionMask(UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                if mask == 0 {
                    position += 8
                    continue
                }
                position += mask.trailingZeroBitCount >> 3
            } else if position >= count {
                throw error("unterminated string", at: start - 1)
            }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                if !escaped { return start..<(position - 1) }
                decoded.append(base + runStart, count: position - 1 - runStart)
                return nil
            }
            if byte == UInt8(ascii: "\\") {
                decoded.append(base + runStart, count: position - runStart)
                escaped = true
                try decodeEscape(into: &decoded)
                runStart = position
            } else if byte < 0x20 {
                throw error("control character 0x\(String(byte, radix: 16)) inside a string")
            } else if byte < 0x80 {
                position += 1
            } else {
                try validateUTF8Sequence()
            }
        }
    }

    /// The high bit of each byte of `word` (little-endian) that is a quote, a backslash, a control
    /// character or non-ASCII: the bytes the string scanner must look at. Bits above the lowest
    /// set one may be spurious (borrows); the lowest is exact.
    @inline(__always)
    private static func attentionMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl | word) & high
    }

    /// Decodes the escape at the current `\` and appends its UTF-8.
    private mutating func decodeEscape(into decoded: inout RawBuffer<UInt8>) throws(JSONSyntaxError) {
        let escapeStart = position
        guard position + 1 < bytes.count else { throw error("unterminated escape") }
        let kind = bytes[position + 1]
        position += 2
        switch kind {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(kind)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad(at: escapeStart)
            if (0xD800...0xDBFF).contains(scalar) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                      bytes[position + 1] == UInt8(ascii: "u") else {
                    throw error("unpaired surrogate \\u\(String(scalar, radix: 16, uppercase: true))", at: escapeStart)
                }
                position += 2
                let low = try hexQuad(at: position - 2)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("unpaired surrogate \\u\(String(scalar, radix: 16, uppercase: true))", at: escapeStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("unpaired surrogate \\u\(String(scalar, radix: 16, uppercase: true))", at: escapeStart)
            }
            Self.appendUTF8(scalar, to: &decoded)
        default:
            throw error("invalid escape", at: escapeStart)
        }
    }

    private mutating func hexQuad(at escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("truncated \\u escape", at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid hex digit in \\u escape", at: escapeStart)
            }
            value = value << 4 | UInt32(nibble)
            position += 1
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to output: inout RawBuffer<UInt8>) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Checks the multi-byte UTF-8 sequence at the current position (RFC 3629: no overlong forms,
    /// no surrogates, nothing above U+10FFFF) and steps over it.
    private mutating func validateUTF8Sequence() throws(JSONSyntaxError) {
        let lead = bytes[position]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: throw error("invalid UTF-8 byte 0x\(String(lead, radix: 16, uppercase: true))")
        }
        guard position + length <= bytes.count else { throw error("truncated UTF-8 sequence") }
        guard secondRange.contains(bytes[position + 1]) else { throw error("invalid UTF-8 sequence") }
        for offset in 2..<length where bytes[position + offset] & 0xC0 != 0x80 {
            throw error("invalid UTF-8 sequence")
        }
        position += length
    }

    /// Scans a number (RFC 8259 grammar) and returns its text's range.
    mutating func scanNumber() throws(JSONSyntaxError) -> Range<Int> {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        if peek() == UInt8(ascii: "0") {
            position += 1
        } else if Self.isDigit(peek()) {
            skipDigits()
        } else {
            throw error("invalid number", at: start)
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard Self.isDigit(peek()) else { throw error("invalid number: digits expected after '.'") }
            skipDigits()
        }
        if peek() | 0x20 == UInt8(ascii: "e") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard Self.isDigit(peek()) else { throw error("invalid number: digits expected in the exponent") }
            skipDigits()
        }
        return start..<position
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// Steps over a run of ASCII digits, 8 bytes at a time while 8 remain.
    @inline(__always)
    private mutating func skipDigits() {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while position &+ 8 <= bytes.count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            let mask = Self.nonDigitMask(word)
            if mask != 0 {
                position &+= mask.trailingZeroBitCount &>> 3
                return
            }
            position &+= 8
        }
        while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
    }

    /// Nonzero in each byte of `word` (little-endian) that is not an ASCII digit: a digit's high
    /// nibble is 3, and stays 3 when 6 is added to it. Bytes above the lowest flagged one may be
    /// flagged wrongly (a carry out of a byte ≥ 0xFA); the lowest is exact.
    @inline(__always)
    private static func nonDigitMask(_ word: UInt64) -> UInt64 {
        let highNibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
        let threes: UInt64 = 0x3030_3030_3030_3030
        let sixes: UInt64 = 0x0606_0606_0606_0606
        return (word & highNibbles ^ threes) | ((word &+ sixes) & highNibbles ^ threes)
    }

    /// Scans `true`, `false` or `null` and returns its range.
    mutating func scanLiteral(_ word: StaticString) throws(JSONSyntaxError) -> Range<Int> {
        let start = position
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw error("invalid literal, expected \(word)") }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
            throw error("invalid literal, expected \(word)")
        }
        position += count
        return start..<position
    }
}
