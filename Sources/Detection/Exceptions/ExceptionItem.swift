import Foundation

/// An analyst's exception to the rule, with Elastic's semantics: the item matches an event when
/// every entry matches (entries are ANDed); the detector suppresses an event when any active item
/// matches it (items are ORed), i.e. the rule runs as `query and not (item1 or item2 …)`.
public struct ExceptionItem: Hashable, Sendable {
    /// Kibana's `item_id`: stable across export and import.
    public var id: String
    public var name: String
    /// Why the exception exists; required when an analyst adds one.
    public var comment: String
    public var author: String
    public var createdAt: Date
    /// Kibana's `expire_time`: after it the item no longer applies but stays listed.
    public var expiresAt: Date?
    public var entries: [ExceptionEntry]

    public init(id: String, name: String, comment: String, author: String, createdAt: Date,
                expiresAt: Date? = nil, entries: [ExceptionEntry]) {
        self.id = id
        self.name = name
        self.comment = comment
        self.author = author
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.entries = entries
    }

    /// True when the item applies at `date` (it has not expired yet).
    public func isActive(at date: Date) -> Bool {
        guard let expiresAt else { return true }
        return date < expiresAt
    }
}

/// One condition of an exception item: Kibana's `{field, operator, type, value}`.
public struct ExceptionEntry: Hashable, Sendable {
    /// `included` matches when the value matches; `excluded` when it does not.
    public enum Operator: String, Hashable, Sendable, CaseIterable {
        case included, excluded
    }

    /// Kibana's entry types smbtriage evaluates. On an `ip` field a value may be a CIDR.
    public enum Value: Hashable, Sendable {
        /// `type: match`: one value.
        case match(String)
        /// `type: match_any`: any of the values.
        case matchAny([String])
    }

    /// The ECS field name, e.g. `destination.ip`.
    public var field: String
    public var `operator`: Operator
    public var value: Value

    public init(field: String, operator: Operator = .included, value: Value) {
        self.field = field
        self.operator = `operator`
        self.value = value
    }
}
