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
