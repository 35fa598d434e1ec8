import ArgumentParser
import Detection
import Foundation
import SmbtriageKit

/// `smbtriage watch FILE|DIR …`: follow growing logs and run the rule every interval.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow growing logs and a ring buffer's packet captures into the store and run the rule every interval.",
        discussion: """
        New complete lines are read every second. Where each file was read up to is stored in the \
        database, so a restarted watch goes on where it stopped. A rotated file (renamed, a new one \
        created) is finished from its new name in the same directory, then the new file is read from \
        its start. Directories are rescanned for new files. A packet capture (a ring buffer's file, \
        `tcpdump -G/-W`, `dumpcap -b`) is read whole, once, when it is complete: when a newer capture \
        exists in its directory, or when it has not changed for 2 minutes. SIGINT (Ctrl-C) or SIGTERM stops it after \
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
        try WatchLoop(session: session, inputs: inputs, ruleInterval: ruleInterval, hook: hook).run()
    }
}
