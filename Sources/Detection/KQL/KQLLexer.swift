/// Splits a KQL query into tokens: parentheses, `:`, the case-insensitive keywords `and` / `or` /
/// `not`, and values (quoted with `"…"`, or unquoted with `\` escapes and `*` wildcards).
struct KQLLexer {
    private let query: String
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ query: String) {
        self.query = query
        self.scalars = Array(query.unicodeScalars)
    }

    /// Every token of the query, ending with `.end`.
    static func tokens(of query: String) throws(KQLSyntaxError) -> [KQLToken] {
        var lexer = KQLLexer(query)
        var tokens: [KQLToken] = []
        repeat {
            tokens.append(try lexer.nextToken())
        } while tokens.last?.kind != .end
        return tokens
    }

    private mutating func nextToken() throws(KQLSyntaxError) -> KQLToken {
        while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
        let start = position
        guard position < scalars.count else { return KQLToken(kind: .end, offset: start) }
        let scalar = scalars[position]
        switch scalar {
        case "(": position += 1; return KQLToken(kind: .openParenthesis, offset: start)
        case ")": position += 1; return KQLToken(kind: .closeParenthesis, offset: start)
        case ":": position += 1; return KQLToken(kind: .colon, offset: start)
        case "\"": return KQLToken(kind: .value(try quotedValue()), offset: start)
        case "<", ">": throw error(at: start, "range operators (<, >, <=, >=) are not supported")
        case "{", "}": throw error(at: start, "nested field queries ({ }) are not supported")
        default: return try unquotedToken()
        }
    }

    private mutating func quotedValue() throws(KQLSyntaxError) -> KQLValue {
        let start = position
        position += 1
        var text = String.UnicodeScalarView()
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            if scalar == "\"" {
                return KQLValue(text: String(text), isQuoted: true, offset: start)
            }
            if scalar == "\\" {
                guard position < scalars.count else { break }
                text.append(scalars[position])
                position += 1
            } else {
                text.append(scalar)
            }
        }
        throw error(at: start, "the quoted value starting here has no closing \"")
    }

    private mutating func unquotedToken() throws(KQLSyntaxError) -> KQLToken {
        let start = position
        var text = String.UnicodeScalarView()
        var piece = String.UnicodeScalarView()
        var pieces: [String] = []
        var hasEscape = false
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar.properties.isWhitespace || Self.delimiters.contains(scalar) { break }
            position += 1
            if scalar == "\\" {
                guard position < scalars.count else {
                    throw error(at: position - 1, "a backslash must escape a character")
                }
                hasEscape = true
                text.append(scalars[position])
                piece.append(scalars[position])
                position += 1
            } else if scalar == "*" {
                text.append(scalar)
                pieces.append(String(piece))
                piece = String.UnicodeScalarView()
            } else {
                text.append(scalar)
                piece.append(scalar)
            }
        }
        let word = String(text)
        if !hasEscape, pieces.isEmpty {
            switch word.lowercased() {
            case "and": return KQLToken(kind: .and, offset: start)
            case "or": return KQLToken(kind: .or, offset: start)
            case "not": return KQLToken(kind: .not, offset: start)
            default: break
            }
        }
        let wildcardPieces = pieces.isEmpty ? nil : pieces + [String(piece)]
        let value = KQLValue(text: word, isQuoted: false, wildcardPieces: wildcardPieces, offset: start)
        return KQLToken(kind: .value(value), offset: start)
    }

    private static let delimiters: Set<Unicode.Scalar> = ["(", ")", ":", "\"", "<", ">", "{", "}"]

    private func error(at offset: Int, _ reason: String) -> KQLSyntaxError {
        KQLSyntaxError(query: query, offset: offset, reason: reason)
    }
}
