/// One entry of a Kibana exception item: `{field, operator, type, value}` (also how
/// `exceptions list --json` writes an item's entries).
public struct KibanaEntryDocument: Codable, Sendable {
    /// `value`: a string for `match`, an array for `matchAny`.
    enum Value: Codable, Sendable {
        case one(String)
        case many([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                self = .one(one)
            } else {
                self = .many(try container.decode([String].self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .one(let value): try container.encode(value)
            case .many(let values): try container.encode(values)
            }
        }
    }

    var field: String
    var `operator`: String
    var type: String
    var value: Value?

    public init(_ entry: ExceptionEntry) {
        field = entry.field
        `operator` = entry.operator.rawValue
        switch entry.value {
        case .match(let value):
            type = "match"
            self.value = .one(value)
        case .matchAny(let values):
            type = "match_any"
            value = .many(values)
        }
    }

    /// The entry smbtriage evaluates; throws a reason for the types and shapes it does not.
    func entry() throws(KibanaEntryProblem) -> ExceptionEntry {
        guard let entryOperator = ExceptionEntry.Operator(rawValue: `operator`) else {
            throw KibanaEntryProblem("operator \"\(`operator`)\" is neither included nor excluded")
        }
        switch (type, value) {
        case ("match", .one(let value)?):
            return ExceptionEntry(field: field, operator: entryOperator, value: .match(value))
        case ("match_any", .many(let values)?) where !values.isEmpty:
            return ExceptionEntry(field: field, operator: entryOperator, value: .matchAny(values))
        case ("match", _), ("match_any", _):
            throw KibanaEntryProblem("a \(type) entry on \(field) needs "
                + (type == "match" ? "a string value" : "a non-empty array of strings"))
        default:
            throw KibanaEntryProblem("entry type \"\(type)\" on \(field) is not one smbtriage evaluates "
                + "(only match and match_any)")
        }
    }
}

/// Why one entry is not usable; the parser adds the line.
struct KibanaEntryProblem: Error {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
