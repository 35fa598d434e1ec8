import Testing
@testable import Detection

@Suite struct KQLParserTests {
    private func value(_ text: String, quoted: Bool = false, offset: Int) -> KQLValueExpression {
        .value(KQLValue(text: text, isQuoted: quoted, offset: offset))
    }

    @Test func parsesAClauseWithAValueList() throws {
        let expression = try KQLParser.parse("destination.port:(139 or 445)")
        #expect(expression == .match(field: KQLField(name: "destination.port", offset: 0),
                                     values: .or([value("139", offset: 18), value("445", offset: 25)])))
    }

    @Test func precedenceIsNotThenAndThenOr() throws {
        let expression = try KQLParser.parse("a:1 or not b:2 and c:3")
        let a = KQLExpression.match(field: KQLField(name: "a", offset: 0), values: value("1", offset: 2))
        let b = KQLExpression.match(field: KQLField(name: "b", offset: 11), values: value("2", offset: 13))
        let c = KQLExpression.match(field: KQLField(name: "c", offset: 19), values: value("3", offset: 21))
        #expect(expression == .or([a, .and([.not(b), c])]))
    }

    @Test func keywordsAreCaseInsensitiveAndParenthesesGroup() throws {
        let expression = try KQLParser.parse("(a:1 OR b:2) AnD NOT c:3")
        guard case .and(let operands) = expression, operands.count == 2,
              case .or = operands[0], case .not = operands[1]
        else {
            Issue.record("unexpected tree \(expression)")
            return
        }
    }

    @Test func quotedValuesKeepWildcardsAndKeywordsLiteral() throws {
        let expression = try KQLParser.parse(#"a:"x* and \"y\"" and b:an\*d*"#)
        guard case .and(let operands) = expression,
              case .match(_, .value(let quoted)) = operands[0],
              case .match(_, .value(let unquoted)) = operands[1]
        else {
            Issue.record("unexpected tree \(expression)")
            return
        }
        #expect(quoted.text == #"x* and "y""#)
        #expect(quoted.isQuoted && quoted.wildcardPieces == nil)
        #expect(unquoted.text == "an*d*")
        #expect(unquoted.wildcardPieces == ["an*d", ""])
    }

    @Test(arguments: [
        ("a:", 2, 1, 3, "expected a value"),
        ("(a:b", 4, 1, 5, "expected ')'"),
        ("a:b and", 7, 1, 8, "after 'and'"),
        ("a:b or\n  (c:d", 13, 2, 7, "expected ')'"),
        ("a:b)", 3, 1, 4, "found ')'"),
        ("a", 1, 1, 2, "expected ':'"),
        (":b", 0, 1, 1, "expected a clause"),
        ("a:\"open", 2, 1, 3, "no closing"),
        ("a:b c:d", 4, 1, 5, "expected 'and', 'or'"),
        ("a >= 3", 2, 1, 3, "range operators"),
        ("", 0, 1, 1, "empty"),
        ("a:(b or)", 7, 1, 8, "expected a value in the list"),
    ])
    func syntaxErrorsNameTheirPosition(query: String, offset: Int, line: Int, column: Int, reason: String) {
        #expect {
            try KQLParser.parse(query)
        } throws: { error in
            guard let error = error as? KQLSyntaxError else { return false }
            return error.offset == offset && error.line == line && error.column == column
                && error.reason.contains(reason)
                && error.description.contains("line \(line), column \(column)")
        }
    }

    @Test(arguments: [
        ("source.ip: 10.0.0.0/8 and sorce.ip: 1.2.3.4", 26, "unknown field \"sorce.ip\""),
        ("source.ip: 10.0.0.0/33", 20, "prefix length"),
        ("destination.ip: \"10.0.0.300\"", 24, "above 255"),
        ("destination.port: 44x", 18, "not an integer"),
        ("source.ip: 10.*", 11, "wildcards"),
    ])
    func compileErrorsNameTheirPosition(query: String, offset: Int, reason: String) {
        #expect {
            try KQLCompiler.predicate(forQuery: query)
        } throws: { error in
            guard let error = error as? KQLSyntaxError else { return false }
            return error.offset == offset && error.reason.contains(reason)
        }
    }
}
