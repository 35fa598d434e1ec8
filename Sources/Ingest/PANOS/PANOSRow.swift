/// One PAN-OS syslog line split into its CSV fields.
///
/// The CSV payload may follow a syslog header (`<14>Jan  5 12:51:34 host 1,...`,
/// `Nov 30 16:09:08 PA-220 1,...`): it starts at the field before the first `,YYYY/MM/DD`
/// (the receive time, field 2). Fields containing commas are double-quoted (`""` inside
/// quotes is a quote); brace-wrapped lists (`{a, b}`, Link Switches) keep their commas, as
/// Elastic's panw pipeline protects them before splitting (and, like it, only when the braces
/// balance: an unbalanced row splits on every comma and fails visibly).
struct PANOSRow {
    /// The fields, unquoted, in order (index 0 is field 1).
    let fields: [Substring]

    /// Splits a line; nil when it holds no PAN-OS CSV payload.
    init?(_ line: Substring) {
        guard let payload = Self.payloadStart(line) else { return nil }
        fields = Self.split(line[payload...])
    }

    /// The field with the 1-based number the PAN-OS docs give; nil past the end of a short row.
    subscript(number: Int) -> Substring? {
        number <= fields.count ? fields[number - 1] : nil
    }

    /// The field as text, nil when empty.
    func text(_ number: Int) -> String? {
        guard let field = self[number], !field.isEmpty else { return nil }
        return String(field)
    }

    private static func payloadStart(_ line: Substring) -> Substring.Index? {
        var index = line.startIndex
        while let comma = line[index...].firstIndex(of: ",") {
            let afterComma = line.index(after: comma)
            if isDate(line[afterComma...]) {
                let fieldStart = line[..<comma].lastIndex(of: " ").map { line.index(after: $0) } ?? line.startIndex
                return fieldStart
            }
            index = afterComma
        }
        return nil
    }

    /// `YYYY/MM/DD` or `YYYY-MM-DD` at the start of `text`.
    private static func isDate(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10 else { return false }
        let separator = bytes[4]
        guard separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-"), bytes[7] == separator else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") }
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")

    /// Splits on the payload's UTF-8 bytes: every delimiter is ASCII, so a field boundary is always a
    /// character boundary, and an unquoted field stays a slice of the line (no copy).
    private static func split(_ payload: Substring) -> [Substring] {
        let protectsBraces = bracesBalance(payload)
        let bytes = payload.utf8
        var fields: [Substring] = []
        fields.reserveCapacity(120)
        var unquoted: [UInt8] = []
        var isQuoted = false
        var braceDepth = 0
        var fieldStart = bytes.startIndex
        var needsCopy = false
        var index = bytes.startIndex
        func finish(at end: Substring.Index) {
            fields.append(needsCopy ? Substring(String(decoding: unquoted, as: UTF8.self)) : payload[fieldStart..<end])
            unquoted.removeAll(keepingCapacity: true)
            needsCopy = false
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if isQuoted {
                if byte == quote {
                    let next = bytes.index(after: index)
                    if next < bytes.endIndex, bytes[next] == quote {
                        unquoted.append(quote)
                        index = bytes.index(after: next)
                        continue
                    }
                    isQuoted = false
                } else {
                    unquoted.append(byte)
                }
            } else if byte == quote {
                isQuoted = true
                needsCopy = true
                unquoted.append(contentsOf: bytes[fieldStart..<index])
            } else if byte == openBrace, protectsBraces {
                braceDepth += 1
                if needsCopy { unquoted.append(byte) }
            } else if byte == closeBrace, braceDepth > 0 {
                braceDepth -= 1
                if needsCopy { unquoted.append(byte) }
            } else if byte == comma, braceDepth == 0 {
                finish(at: index)
                fieldStart = bytes.index(after: index)
            } else if needsCopy {
                unquoted.append(byte)
            }
            index = bytes.index(after: index)
        }
        finish(at: bytes.endIndex)
        return fields
    }

    /// True when every `{` outside quotes has its `}`.
    private static func bracesBalance(_ payload: Substring) -> Bool {
        var isQuoted = false
        var depth = 0
        for byte in payload.utf8 {
            switch byte {
            case quote: isQuoted.toggle()
            case openBrace where !isQuoted: depth += 1
            case closeBrace where !isQuoted && depth > 0: depth -= 1
            default: break
            }
        }
        return depth == 0
    }
}
