/// Why an exception item cannot be compiled: the item, the entry's field and the problem
/// (`reason` never holds control characters).
public struct ExceptionCompileError: Error, Hashable, Sendable, CustomStringConvertible {
    public let itemID: String
    public let field: String
    public let reason: String

    public init(itemID: String, field: String, reason: String) {
        self.itemID = itemID
        self.field = field
        self.reason = reason.printableEscaped
    }

    public var description: String {
        "exception item \(itemID.printableEscaped), field \(field.printableEscaped): \(reason)"
    }
}
