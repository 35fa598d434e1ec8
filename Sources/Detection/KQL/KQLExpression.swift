/// A parsed KQL query: `and` / `or` / `not` over `field: values` clauses, with the positions of
/// field names and values kept for error messages.
public indirect enum KQLExpression: Hashable, Sendable {
    /// True when any operand is.
    case or([KQLExpression])
    /// True when every operand is.
    case and([KQLExpression])
    /// True when the operand is false (also when its field is missing).
    case not(KQLExpression)
    /// `field: value` or `field: (a or b …)`.
    case match(field: KQLField, values: KQLValueExpression)
}

/// A field name as written in a query, with the offset where it starts.
public struct KQLField: Hashable, Sendable {
    public var name: String
    /// 0-based position in the query, counted in Unicode scalars.
    public var offset: Int

    public init(name: String, offset: Int) {
        self.name = name
        self.offset = offset
    }
}

/// The right-hand side of a clause: one value or a parenthesized `and` / `or` / `not` list of them.
public indirect enum KQLValueExpression: Hashable, Sendable {
    case value(KQLValue)
    case or([KQLValueExpression])
    case and([KQLValueExpression])
    case not(KQLValueExpression)
}

/// One value as written: its unescaped text, whether it was quoted, and where it starts.
public struct KQLValue: Hashable, Sendable {
    /// The text with escapes resolved (and quotes removed).
    public var text: String
    /// Quoted values are literal: `*` inside quotes is not a wildcard.
    public var isQuoted: Bool
    /// The literal pieces around each unescaped `*` of an unquoted value; nil without wildcards.
    public var wildcardPieces: [String]?
    /// 0-based position in the query of the value's first character (the quote, if quoted).
    public var offset: Int

    public init(text: String, isQuoted: Bool, wildcardPieces: [String]? = nil, offset: Int) {
        self.text = text
        self.isQuoted = isQuoted
        self.wildcardPieces = wildcardPieces
        self.offset = offset
    }

    /// A literal value (no wildcards), e.g. an exception entry's value.
    public static func literal(_ text: String) -> KQLValue {
        KQLValue(text: text, isQuoted: true, offset: 0)
    }

    /// True for a lone unquoted `*`: the field exists.
    var isExistenceCheck: Bool { wildcardPieces == ["", ""] }
}
