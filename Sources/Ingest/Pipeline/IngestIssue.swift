/// A rejected line: `file:line: reason`.
public struct IngestIssue: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    /// 1-based line number.
    public var line: Int
    public var reason: String

    public init(path: String, line: Int, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(path):\(line): \(reason)" }
}
