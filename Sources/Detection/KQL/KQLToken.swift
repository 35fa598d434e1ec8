/// One lexical unit of a KQL query and where it starts.
struct KQLToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case openParenthesis, closeParenthesis, colon, and, or, not, end
        case value(KQLValue)
    }

    var kind: Kind
    /// 0-based position in the query, in Unicode scalars.
    var offset: Int

    /// How the token reads in an error message.
    var displayName: String {
        switch kind {
        case .openParenthesis: "'('"
        case .closeParenthesis: "')'"
        case .colon: "':'"
        case .and: "'and'"
        case .or: "'or'"
        case .not: "'not'"
        case .end: "the end of the query"
        case .value(let value): "\"\(value.text.printableEscaped)\""
        }
    }
}

extension String {
    /// The text with control characters and other non-printing scalars shown as `\u{…}`, so a
    /// value taken from a log or a file can go into a message safely.
    var printableEscaped: String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
