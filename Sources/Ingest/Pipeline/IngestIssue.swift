/// A rejected line, `file:line: reason`, or a rejected packet of a capture, `file:packet N: reason`.
public struct IngestIssue: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    /// 1-based line number, or packet number when `isPacket`.
    public var line: Int
    public var reason: String
    public var isPacket: Bool

    public init(path: String, line: Int, reason: String, isPacket: Bool = false) {
        self.path = path
        self.line = line
        self.reason = reason
        self.isPacket = isPacket
    }

    public var description: String { "\(path):\(isPacket ? "packet " : "")\(line): \(reason)" }
}
