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

    private static func split(_ payload: Substring) -> [Substring] {
        let protectsBraces = bracesBalance(payload)
        var fields: [Substring] = []
        fields.reserveCapacity(120)
        var current = ""
        var isQuoted = false
        var braceDepth = 0
        var fieldStart = payload.startIndex
        var needsCopy = false
        var index = payload.startIndex
        func finish(at end: Substring.Index) {
            fields.append(needsCopy ? Substring(current) : payload[fieldStart..<end])
            current = ""
            needsCopy = false
        }
        while index < payload.endIndex {
            let character = payload[index]
            if isQuoted {
                if character == "\"" {
                    let next = payload.index(after: index)
                    if next < payload.endIndex, payload[next] == "\"" {
                        current.append("\"")
                        index = payload.index(after: next)
                        continue
                    }
                    isQuoted = false
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                isQuoted = true
                needsCopy = true
                current += payload[fieldStart..<index]
            } else if character == "{", protectsBraces {
                braceDepth += 1
                if needsCopy { current.append(character) }
            } else if character == "}", braceDepth > 0 {
                braceDepth -= 1
                if needsCopy { current.append(character) }
            } else if character == ",", braceDepth == 0 {
                finish(at: index)
                fieldStart = payload.index(after: index)
            } else if needsCopy {
                current.append(character)
            }
            index = payload.index(after: index)
        }
        finish(at: payload.endIndex)
        return fields
    }

    /// True when every `{` outside quotes has its `}`.
    private static func bracesBalance(_ payload: Substring) -> Bool {
        var isQuoted = false
        var depth = 0
        for character in payload {
            switch character {
            case "\"": isQuoted.toggle()
            case "{" where !isQuoted: depth += 1
            case "}" where !isQuoted && depth > 0: depth -= 1
            default: break
            }
        }
        return depth == 0
    }
}
