import Foundation
import Ingest
import Store

/// `watch`: follows growing logs into the store, reads each packet capture a ring buffer completes
/// (`CaptureRing`), runs the rule every interval, applies the
/// retention policy when due, and stops at a safe point on SIGINT or SIGTERM (`StopSignal`), with
/// every checkpoint saved and the rule run once more. Prints one plain line per event.
public struct WatchLoop {
    let session: IngestSession
    let inputs: [String]
    let ruleInterval: TimeInterval
    let hook: AlertHook?
    var captureRing = CaptureRing()

    /// Follows `inputs` (files and directories) through `session`, running the rule every
    /// `ruleInterval` seconds and handing the alerts each execution created to `hook`.
    public init(session: IngestSession, inputs: [String], ruleInterval: TimeInterval, hook: AlertHook?) {
        self.session = session
        self.inputs = inputs
        self.ruleInterval = ruleInterval
        self.hook = hook
    }

    /// Runs until a stop signal arrives (install `StopSignal` first).
    public func run() throws {
        let follower = LogFollower(session: session)
        var tally = WatchTally()
        var nextExecution = Date()
        var pruning = PruneSchedule()
        StandardOutput.print("watching \(counted(inputs.count, "input")) into "
            + "\(TerminalText.safe(session.store.path)); the rule runs every \(Int(ruleInterval)) s; "
            + "SIGINT or SIGTERM stops it after the current batch")
        var notices = WatchNotices()
        while StopSignal.received == nil {
            try poll(follower, into: &tally, notices: &notices)
            if Date() >= nextExecution {
                try execute(tally: &tally)
                nextExecution = Date().addingTimeInterval(ruleInterval)
            }
            if let pruned = try pruning.pruneIfDue(session.store, at: Date()) { StandardOutput.print(pruned) }
            StopSignal.sleep(1)
        }
        StandardOutput.print("stopping on \(StopSignal.received ?? "a signal"): every file read has its checkpoint "
            + "saved; the rule runs once more")
        try execute(tally: &tally)
        hook?.finish()
        StandardOutput.print("stopped")
    }

    /// Reads what every log gained, file by file, each with its checkpoint, then the captures that
    /// were completed since the last poll, oldest first; stops between files once a stop signal
    /// arrived. What cannot be followed is said once (`WatchNotices`).
    func poll(_ follower: LogFollower, into tally: inout WatchTally, notices: inout WatchNotices) throws {
        let listing = try InputFiles.expand(inputs)
        listing.skipped.forEach { notices.report($0) }
        let captures = listing.files.filter(\.isPacketCapture)
        let isCapture = Set(captures)
        for file in listing.files where StopSignal.received == nil && !isCapture.contains(file) {
            report(try follower.poll(file), into: &tally, notices: &notices)
        }
        for capture in captureRing.completed(captures, at: Date()) where StopSignal.received == nil {
            report(try follower.read(capture: capture).map { [$0] } ?? [], into: &tally, notices: &notices)
        }
    }

    private func report(_ results: [IngestSession.FileResult], into tally: inout WatchTally,
                        notices: inout WatchNotices) {
        for result in results {
            notices.report(result)
            IngestReport.issueLines(result.summary).forEach(StandardError.print)
            if result.summary.lines > 0 { StandardOutput.print(IngestReport.fileLine(result)) }
            tally.add(result)
        }
    }

    /// Runs the rule once, prints its summary with what was read since the last execution, and
    /// hands the alerts it created to the --on-alert command.
    private func execute(tally: inout WatchTally) throws {
        let store = session.store
        let lastAlertID = try hook == nil ? 0 : store.lastAlertID()
        let execution = try store.runExecution(at: Date())
        StandardOutput.print(IngestReport.executionLine(execution) + "; " + tally.summary)
        tally = WatchTally()
        guard let hook, execution.alerted > 0 else { return }
        let alerts = try store.alerts(createdBy: execution.id, after: lastAlertID)
        hook.submit(executionID: execution.id,
                    lines: try alerts.map { try JSONLines.line(AlertDocument($0, rule: store.rule(of: $0))) })
    }
}
