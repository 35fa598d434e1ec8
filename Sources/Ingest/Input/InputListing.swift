/// What `InputFiles.expand` made of the command-line paths: the inputs to read, and the entries
/// below a directory it passed over, each with the reason.
public struct InputListing: Equatable, Sendable {
    public var files: [InputFile] = []
    public var skipped: [SkippedInput] = []
}

/// An entry below a directory that is not read: a dangling link, a link to a directory already
/// read (a loop), something that is no regular file, a subdirectory that cannot be listed.
public struct SkippedInput: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    /// `"<path>": skipped: <reason>`, the path quoted safely.
    public var description: String { "\(LogText.quoted(path)): skipped: \(reason)" }
}
