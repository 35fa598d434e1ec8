import ArgumentParser
import Detection
import Foundation
import Ingest
import Store

/// `smbtriage watch FILE|DIR …`: follow growing logs and run the rule every interval.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow growing logs into the store and run the rule every interval.",
        discussion: """
        New complete lines are read every second. Where each file was read up to is stored in the \
        database, so a restarted watch goes on where it stopped. A rotated file (renamed, a new one \
        created) is finished from its new name in the same directory, then the new file is read from \
        its start. Directories are rescanned for new files. SIGINT (Ctrl-C) or SIGTERM stops it after \
        the current batch, with every checkpoint saved and the rule run once more; a second one ends \
        it at once. The store's retention policy (`smbtriage retention`) is applied at start and about \
        once an hour, in small transactions. Output is one plain line per event (a file read, an \
        execution and what was read since the last one, a prune that removed something, an --on-alert \
        run), ready for journald.
        """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var reading: ReadingOptions
    @Option(help: "How often the rule runs (the rule's own interval by default): 30s, 5m, 1h.")
    var interval: String?
    @Option(name: .customLong("on-alert"), help: ArgumentHelp(
        "Run this shell command (/bin/sh -c) for each execution that created alerts, with those alerts "
            + "on its standard input as JSON lines (the documents of `alerts --json`) and $SMBTRIAGE_DB set to "
            + "the store.", valueName: "command"))
    var onAlert: String?
    @Option(help: ArgumentHelp("How long an --on-alert command may run before it is killed: 30s, 2m.",
                               valueName: "duration"))
    var onAlertTimeout = "30s"
    @Argument(help: "Files or directories to follow.") var inputs: [String]

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name at least one file or directory.") }
        guard !inputs.contains("-") else { throw ValidationError("watch follows files; use ingest for standard input.") }
        for (name, value) in [("--interval", interval), ("--on-alert-timeout", onAlertTimeout)] {
            if let value, DateExpression.duration(value) == nil {
                throw ValidationError("\(name) \(value) is not a duration such as 30s, 5m or 1h.")
            }
        }
    }

    func run() throws {
        StopSignal.install()
        let session = try IngestSession(store: store.open(), options: reading.ingestOptions)
        let ruleInterval = DateExpression.duration(interval ?? session.rule.rule.interval) ?? 300
        let hook = onAlert.map { command in
            AlertHook(command: ShellCommand(command: command, timeout: DateExpression.duration(onAlertTimeout) ?? 30,
                                            environment: ["SMBTRIAGE_DB": URL(fileURLWithPath: store.path).path]))
        }
        let follower = LogFollower(session: session)
        var tally = WatchTally()
        var nextExecution = Date()
        var pruning = PruneSchedule()
        StandardOutput.print("watching \(inputs.count) input\(inputs.count == 1 ? "" : "s") into "
            + "\(TerminalText.safe(store.path)); the rule runs every \(Int(ruleInterval)) s; "
            + "SIGINT or SIGTERM stops it after the current batch")
        var notices = WatchNotices()
        while StopSignal.received == nil {
            try poll(follower, into: &tally, notices: &notices)
            if Date() >= nextExecution {
                try execute(session, hook: hook, tally: &tally)
                nextExecution = Date().addingTimeInterval(ruleInterval)
            }
            if let pruned = try pruning.pruneIfDue(session.store, at: Date()) { StandardOutput.print(pruned) }
            StopSignal.sleep(1)
        }
        StandardOutput.print("stopping on \(StopSignal.received ?? "a signal"): every file read has its checkpoint "
            + "saved; the rule runs once more")
        try execute(session, hook: hook, tally: &tally)
        hook?.finish()
        StandardOutput.print("stopped")
    }

    /// Reads what every input gained, file by file, each with its checkpoint; stops between
    /// files once a stop signal arrived. What cannot be followed is said once (`WatchNotices`).
    private func poll(_ follower: LogFollower, into tally: inout WatchTally, notices: inout WatchNotices) throws {
        let listing = try InputFiles.expand(inputs)
        listing.skipped.forEach { notices.report($0) }
        for file in listing.files where StopSignal.received == nil {
            for result in try follower.poll(file) {
                notices.report(result)
                IngestReport.issueLines(result.summary).forEach(StandardError.print)
                if result.summary.lines > 0 { StandardOutput.print(IngestReport.fileLine(result)) }
                tally.add(result)
            }
        }
    }

    /// Runs the rule once, prints its summary with what was read since the last execution, and
    /// hands the alerts it created to the --on-alert command.
    private func execute(_ session: IngestSession, hook: AlertHook?, tally: inout WatchTally) throws {
        let lastAlertID = try hook == nil ? 0 : session.store.lastAlertID()
        let execution = try session.store.runExecution(at: Date())
        StandardOutput.print(IngestReport.executionLine(execution) + "; " + tally.summary)
        tally = WatchTally()
        guard let hook, execution.alerted > 0 else { return }
        let alerts = try session.store.alerts(createdBy: execution.id, after: lastAlertID)
        hook.submit(executionID: execution.id,
                    lines: alerts.map { JSONLines.line(AlertDocument.make($0, rule: session.store.rule(of: $0))) })
    }
}
