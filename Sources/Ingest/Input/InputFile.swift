/// One input: a file, `-` for stdin. Directories expand recursively (sorted, hidden files skipped).
public struct InputFile: Hashable, Sendable {
    public var path: String
    public var isStandardInput: Bool

    public init(path: String, isStandardInput: Bool = false) {
        self.path = path
        self.isStandardInput = isStandardInput
    }

    /// Standard input, named `-` as on the command line.
    public static let standardInput = InputFile(path: "-", isStandardInput: true)

    /// The name used in messages and record origins: the path, or `(stdin)`.
    public var displayName: String { isStandardInput ? "(stdin)" : path }
}
