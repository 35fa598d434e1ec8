/// A problem in a rule file, with its 1-based line and column in the file (`reason` never holds
/// control characters).
public struct RuleFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let reason: String

    public init(line: Int, column: Int, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason.printableEscaped
    }

    public var description: String { "line \(line), column \(column): \(reason)" }
}
