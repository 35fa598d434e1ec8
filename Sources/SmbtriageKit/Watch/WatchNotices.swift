import Ingest

/// What `watch` has already said about inputs it cannot follow, so each problem is said once (on
/// standard error) rather than at every poll: an entry skipped below a directory (a dangling link,
/// a loop), and a file that stops before its first line (binary data, an unknown format, a capture
/// libpcap cannot read), said again only when its reason changes.
struct WatchNotices {
    private var skipped: Set<SkippedInput> = []
    private var stopped: [String: String] = [:]

    mutating func report(_ entry: SkippedInput) {
        if skipped.insert(entry).inserted { StandardError.print(IngestReport.skippedLine(entry)) }
    }

    /// Says why a file read nothing, once per reason; a file that reads again is forgotten.
    mutating func report(_ result: IngestSession.FileResult) {
        let summary = result.summary
        guard summary.lines == 0, let reason = summary.fatalError else {
            stopped[summary.path] = nil
            return
        }
        guard stopped.updateValue(reason, forKey: summary.path) != reason else { return }
        StandardError.print(IngestReport.fileLine(result) + " (not followed until this changes)")
    }
}
