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
