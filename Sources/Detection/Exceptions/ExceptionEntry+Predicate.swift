extension ExceptionEntry {
    /// The values as written: one for `match`, several for `match_any`.
    var values: [String] {
        switch value {
        case .match(let value): [value]
        case .matchAny(let values): values
        }
    }

    /// The entry's field, or nil when smbtriage does not know it.
    var ecsField: ECSField? { ECSField(name: field) }

    /// The entry as a clause: `field: (v1 or …)`, negated for the `excluded` operator. Values are
    /// literal (no wildcards); on an `ip` field they may be CIDR blocks.
    func predicate(itemID: String) throws(ExceptionCompileError) -> EventPredicate {
        guard let ecsField else {
            throw ExceptionCompileError(itemID: itemID, field: field, reason: "unknown field")
        }
        guard !values.isEmpty else {
            throw ExceptionCompileError(itemID: itemID, field: field, reason: "match_any needs at least one value")
        }
        let clause: EventPredicate
        do {
            clause = try KQLCompiler.clause(ecsField, anyOf: values.map(KQLValue.literal))
        } catch {
            throw ExceptionCompileError(itemID: itemID, field: field, reason: error.reason)
        }
        return `operator` == .included ? clause : .not(clause)
    }

    /// The prefixes of an `included` entry on `field`, or nil for any other entry.
    func includedPrefixes(on field: ECSField) -> [IPPrefix]? {
        guard `operator` == .included, ecsField == field else { return nil }
        var prefixes: [IPPrefix] = []
        for value in values {
            guard let prefix = try? IPPrefix(parsing: value) else { return nil }
            prefixes.append(prefix)
        }
        return prefixes
    }
}
