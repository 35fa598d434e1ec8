import ArgumentParser

/// The `smbtriage` command: triage SMB traffic from internal hosts to the Internet.
@main
struct SmbtriageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smbtriage",
        abstract: "Detect and triage SMB (TCP 139/445) traffic from internal hosts to the Internet.",
        discussion: """
        Exit status: 0 ok, 1 runtime error (or rejected input records), 2 usage error. \
        The store is --db PATH, else $SMBTRIAGE_DB, else $XDG_DATA_HOME/smbtriage/smbtriage.db.
        """,
        version: SmbtriageVersion.current,
        subcommands: [
            ConsoleCommand.self, DemoCommand.self, IngestCommand.self, DetectCommand.self,
            HostsCommand.self, AlertsCommand.self, NoteCommand.self, HistoryCommand.self,
            ExceptionsCommand.self, AuditCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
}

/// The release this binary was built from.
enum SmbtriageVersion {
    static let current = "0.2.0"
}
