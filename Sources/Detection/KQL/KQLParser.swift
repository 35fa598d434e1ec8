/// Parses the KQL subset smbtriage evaluates into a `KQLExpression`.
///
/// Grammar (keywords case-insensitive, precedence `not` > `and` > `or`):
/// ```
/// query  := or END
/// or     := and ("or" and)*          and    := not ("and" not)*
/// not    := "not" not | "(" or ")" | field ":" values
/// values := value | "(" vor ")"      vor    := vand ("or" vand)*
/// vand   := vnot ("and" vnot)*       vnot   := "not" vnot | value | "(" vor ")"
/// ```
public struct KQLParser {
    private let query: String
    private let tokens: [KQLToken]
    private var position = 0

    private init(query: String, tokens: [KQLToken]) {
        self.query = query
        self.tokens = tokens
    }

    /// Parses `query`; errors carry the offset, line and column of the first problem.
    public static func parse(_ query: String) throws(KQLSyntaxError) -> KQLExpression {
        var parser = KQLParser(query: query, tokens: try KQLLexer.tokens(of: query))
        if parser.current.kind == .end { throw parser.error("the query is empty") }
        let expression = try parser.orExpression()
        guard parser.current.kind == .end else {
            throw parser.error("expected 'and', 'or' or the end of the query, found \(parser.current.displayName)")
        }
        return expression
    }

    private var current: KQLToken { tokens[position] }

    private mutating func advance() { if current.kind != .end { position += 1 } }

    private func error(_ reason: String, at offset: Int? = nil) -> KQLSyntaxError {
        KQLSyntaxError(query: query, offset: offset ?? current.offset, reason: reason)
    }

    // MARK: Clauses

    private mutating func orExpression() throws(KQLSyntaxError) -> KQLExpression {
        var operands = [try andExpression()]
        while current.kind == .or {
            advance()
            operands.append(try andExpression(after: "or"))
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func andExpression(after keyword: String? = nil) throws(KQLSyntaxError) -> KQLExpression {
        var operands = [try notExpression(after: keyword)]
        while current.kind == .and {
            advance()
            operands.append(try notExpression(after: "and"))
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    private mutating func notExpression(after keyword: String?) throws(KQLSyntaxError) -> KQLExpression {
        switch current.kind {
        case .not:
            advance()
            return .not(try notExpression(after: "not"))
        case .openParenthesis:
            let open = current.offset
            advance()
            let inner = try orExpression()
            try expectClosingParenthesis(openedAt: open)
            return inner
        case .value(let name):
            advance()
            guard current.kind == .colon else {
                throw error("expected ':' after the field name \"\(name.text.printableEscaped)\" (a value needs a field)")
            }
            advance()
            return .match(field: KQLField(name: name.text, offset: name.offset), values: try values())
        default:
            let context = keyword.map { "after '\($0)'" } ?? "here"
            throw error("expected a clause (field: value, 'not' or '(') \(context), found \(current.displayName)")
        }
    }

    private mutating func expectClosingParenthesis(openedAt open: Int) throws(KQLSyntaxError) {
        guard current.kind == .closeParenthesis else {
            throw error("expected ')' to close the '(' at offset \(open), found \(current.displayName)")
        }
        advance()
    }

    // MARK: Values

    private mutating func values() throws(KQLSyntaxError) -> KQLValueExpression {
        switch current.kind {
        case .value(let value):
            advance()
            return .value(value)
        case .openParenthesis:
            return try parenthesizedValues()
        default:
            throw error("expected a value or '(' after ':', found \(current.displayName)")
        }
    }

    private mutating func parenthesizedValues() throws(KQLSyntaxError) -> KQLValueExpression {
        let open = current.offset
        advance()
        let inner = try valueOr()
        try expectClosingParenthesis(openedAt: open)
        return inner
    }

    private mutating func valueOr() throws(KQLSyntaxError) -> KQLValueExpression {
        var operands = [try valueAnd()]
        while current.kind == .or {
            advance()
            operands.append(try valueAnd())
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func valueAnd() throws(KQLSyntaxError) -> KQLValueExpression {
        var operands = [try valueNot()]
        while current.kind == .and {
            advance()
            operands.append(try valueNot())
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    private mutating func valueNot() throws(KQLSyntaxError) -> KQLValueExpression {
        switch current.kind {
        case .not:
            advance()
            return .not(try valueNot())
        case .value(let value):
            advance()
            return .value(value)
        case .openParenthesis:
            return try parenthesizedValues()
        default:
            throw error("expected a value in the list, found \(current.displayName)")
        }
    }
}
