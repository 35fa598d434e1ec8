import Detection

/// What one chunk's lines gave: counts, the SMB events to deliver, the first rejections.
struct ChunkResult: Sendable {
    var sequence: Int
    var lines = 0
    var events = 0
    var skipped = 0
    var rejected = 0
    var smbEvents: [IngestedEvent] = []
    /// The chunk's first rejections, at most `IngestOptions.maxIssues`.
    var issues: [IngestIssue] = []
    /// The warnings the reader raised (each at most once per reader).
    var warnings: [IngestIssue] = []
    /// In strict mode, the rejection the chunk stopped at (the counts end with its line).
    var strictStop: IngestIssue?
}
