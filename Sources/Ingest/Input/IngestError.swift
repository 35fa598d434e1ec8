/// Why the inputs could not be listed.
public enum IngestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A path on the command line does not exist.
    case missingInput(path: String)
    /// A directory could not be read.
    case unreadableDirectory(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingInput(let path): "\(LogText.quoted(path)): no such file or directory"
        case .unreadableDirectory(let path, let reason): "\(LogText.quoted(path)): \(reason)"
        }
    }
}
