/// What `watch` read between two executions: the second half of an execution's summary line.
struct WatchTally {
    private var files: Set<String> = []
    private var lines = 0
    private var smbKept = 0
    private var new = 0
    private var rejected = 0

    mutating func add(_ result: IngestSession.FileResult) {
        guard result.summary.lines > 0 else { return }
        files.insert(result.summary.path)
        lines += result.summary.lines
        smbKept += result.summary.smbEvents
        new += result.inserted
        rejected += result.summary.rejected
    }

    /// `read since the last execution: 340 lines from 2 files, 120 SMB kept (120 new), 0 rejected`.
    var summary: String {
        "read since the last execution: \(lines) line\(lines == 1 ? "" : "s") from \(files.count) "
            + "file\(files.count == 1 ? "" : "s"), \(smbKept) SMB kept (\(new) new), \(rejected) rejected"
    }
}
