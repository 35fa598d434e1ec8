/// Turns a parsed query into an `EventPredicate`: resolves field names against `ECSField`, checks
/// every value against the field's type and pre-parses it (addresses and CIDR blocks into one
/// `IPPrefixSet` per clause, numbers into integers).
enum KQLCompiler {
    /// A value that does not fit its field; `offset` is the position in the query.
    struct ValueError: Error {
        let offset: Int
        let reason: String
    }

    /// The predicate for `expression`, parsed from `query` (used for error positions).
    static func predicate(for expression: KQLExpression, in query: String) throws(KQLSyntaxError) -> EventPredicate {
        do {
            return try predicate(for: expression)
        } catch {
            throw KQLSyntaxError(query: query, offset: error.offset, reason: error.reason)
        }
    }

    /// Parses and compiles `query`.
    static func predicate(forQuery query: String) throws(KQLSyntaxError) -> EventPredicate {
        try predicate(for: try KQLParser.parse(query), in: query)
    }

    private static func predicate(for expression: KQLExpression) throws(ValueError) -> EventPredicate {
        switch expression {
        case .or(let operands): return .any(try operands.map(predicate(for:)))
        case .and(let operands): return .all(try operands.map(predicate(for:)))
        case .not(let operand): return .not(try predicate(for: operand))
        case .match(let reference, let values):
            guard let field = ECSField(name: reference.name) else {
                throw ValueError(offset: reference.offset,
                                 reason: "unknown field \"\(reference.name.printableEscaped)\"; known fields: "
                                     + ECSField.allCases.map(\.name).joined(separator: ", "))
            }
            return try predicate(for: values, on: field)
        }
    }

    private static func predicate(for values: KQLValueExpression, on field: ECSField) throws(ValueError) -> EventPredicate {
        switch values {
        case .value(let value):
            return try clause(field, anyOf: [value])
        case .and(let operands):
            return .all(try operands.map { operand throws(ValueError) in try predicate(for: operand, on: field) })
        case .not(let operand):
            return .not(try predicate(for: operand, on: field))
        case .or(let operands):
            var plainValues: [KQLValue] = []
            var others: [EventPredicate] = []
            for operand in operands {
                if case .value(let value) = operand {
                    plainValues.append(value)
                } else {
                    others.append(try predicate(for: operand, on: field))
                }
            }
            let parts = (plainValues.isEmpty ? [] : [try clause(field, anyOf: plainValues)]) + others
            return parts.count == 1 ? parts[0] : .any(parts)
        }
    }

    /// `field: (v1 or v2 …)`: true when the field matches any of the values.
    static func clause(_ field: ECSField, anyOf values: [KQLValue]) throws(ValueError) -> EventPredicate {
        if values.contains(where: \.isExistenceCheck) { return .exists(field) }
        switch field.type {
        case .ip:
            return .address(field, in: IPPrefixSet(try values.map { value throws(ValueError) in try prefix(value, field) }))
        case .long:
            return .number(field, in: try values.map { value throws(ValueError) in try number(value, field) })
        case .keyword:
            let exact = values.filter { $0.wildcardPieces == nil }.map(\.text)
            let patterns = values.compactMap(\.wildcardPieces).map { EventPredicate.keywordPattern(field, WildcardPattern(pieces: $0)) }
            let parts = (exact.isEmpty ? [] : [EventPredicate.keyword(field, in: exact)]) + patterns
            return parts.count == 1 ? parts[0] : .any(parts)
        }
    }

    private static func prefix(_ value: KQLValue, _ field: ECSField) throws(ValueError) -> IPPrefix {
        guard value.wildcardPieces == nil else {
            throw ValueError(offset: value.offset,
                             reason: "\(field.name) is an ip field: wildcards other than a lone * are not supported")
        }
        do {
            return try IPPrefix(parsing: value.text)
        } catch {
            throw ValueError(offset: value.offset + (value.isQuoted ? 1 : 0) + error.offset,
                             reason: "\(field.name) is an ip field: \(error.description)")
        }
    }

    private static func number(_ value: KQLValue, _ field: ECSField) throws(ValueError) -> Int64 {
        guard value.wildcardPieces == nil, let number = Int64(value.text) else {
            throw ValueError(offset: value.offset,
                             reason: "\(field.name) is a number field: \"\(value.text.printableEscaped)\" is not an integer")
        }
        return number
    }
}
