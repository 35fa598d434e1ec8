/// What reading one input produced.
public struct FileSummary: Hashable, Sendable {
    /// The input's display name (`(stdin)` for standard input).
    public var path: String
    /// The format the input was read as; nil when none could be chosen.
    public var format: LogFormat?
    /// Lines read (including structural and blank lines).
    public var lines: Int
    /// Network events the reader produced, SMB or not.
    public var events: Int
    /// The SMB events among them: the ones delivered.
    public var smbEvents: Int
    /// Well-formed records that are not network connections.
    public var skipped: Int
    /// Malformed lines; the first `IngestOptions.maxIssues` of them are in `issues`.
    public var rejected: Int
    public var issues: [IngestIssue]
    /// Records read that the published rule could never match as written (ECS `network.transport`
    /// not lowercase), each distinct warning once per file, at its first line.
    public var warnings: [IngestIssue] = []
    /// Why reading stopped early or never started: unreadable, truncated gzip, unknown format,
    /// a rejection in strict mode. The counts cover what was read before.
    public var fatalError: String?
    /// For a packet capture: its link type, fragments and flow table (nil for a log).
    public var capture: CaptureSummary?

    public init(
        path: String, format: LogFormat? = nil, lines: Int = 0, events: Int = 0, smbEvents: Int = 0,
        skipped: Int = 0, rejected: Int = 0, issues: [IngestIssue] = [], fatalError: String? = nil
    ) {
        self.path = path
        self.format = format
        self.lines = lines
        self.events = events
        self.smbEvents = smbEvents
        self.skipped = skipped
        self.rejected = rejected
        self.issues = issues
        self.fatalError = fatalError
    }
}
