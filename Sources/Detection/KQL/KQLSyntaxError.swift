/// Why a KQL query does not parse or compile, and where: `offset` is 0-based in Unicode scalars,
/// `line` and `column` are 1-based. `reason` never holds control characters (they are escaped).
public struct KQLSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public let offset: Int
    public let line: Int
    public let column: Int
    public let reason: String

    /// The error at `offset` of `query`, with line and column computed from the query's newlines.
    public init(query: String, offset: Int, reason: String) {
        var line = 1
        var lineStart = 0
        for (index, scalar) in query.unicodeScalars.prefix(offset).enumerated() where scalar == "\n" {
            line += 1
            lineStart = index + 1
        }
        self.offset = offset
        self.line = line
        self.column = offset - lineStart + 1
        self.reason = reason.printableEscaped
    }

    public var description: String {
        "KQL error at line \(line), column \(column) (offset \(offset)): \(reason)"
    }
}
