/// One input: a file, `-` for stdin. Directories expand recursively (sorted, hidden files skipped).
public struct InputFile: Hashable, Sendable {
    public var path: String
    public var isStandardInput: Bool
    /// True when the file was found by expanding a directory rather than named on its own: a file
    /// there that is no log at all (a README) is passed over rather than an error.
    public var isFromDirectory: Bool

    public init(path: String, isStandardInput: Bool = false, isFromDirectory: Bool = false) {
        self.path = path
        self.isStandardInput = isStandardInput
        self.isFromDirectory = isFromDirectory
    }

    /// Standard input, named `-` as on the command line.
    public static let standardInput = InputFile(path: "-", isStandardInput: true)

    /// The name used in messages and record origins: the path, or `(stdin)`.
    public var displayName: String { isStandardInput ? "(stdin)" : path }
}
