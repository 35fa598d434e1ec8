import ArgumentParser
import Foundation
import SmbtriageKit

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
            WatchCommand.self,
            HostsCommand.self, AlertsCommand.self, CasesCommand.self, CaseCommand.self, NoteCommand.self, NotesCommand.self,
            HistoryCommand.self,
            ExceptionsCommand.self, AuditCommand.self, RuleCommand.self, StoreCommand.self, RetentionCommand.self,
            PruneCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
}

extension SmbtriageCommand {
    /// Runs the command line with the exit statuses the README promises: 0 ok, 1 runtime error,
    /// 2 usage error (swift-argument-parser's own code for usage errors is 64). Global options may
    /// come before the subcommand (`GlobalOptions`); every message goes out sanitized, since it
    /// may quote an argument or a value from a log.
    static func main() async {
        do {
            let arguments = try GlobalOptions.hoisted(Array(CommandLine.arguments.dropFirst()), root: self)
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as any UsageProblem {
            exit(status: 2, message: "Error: \(error.description)")
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            exit(status: code == .validationFailure ? 2 : code.rawValue, message: message)
        }
    }

    /// Writes `message`, each line sanitized, to standard error and exits with `status`.
    private static func exit(status: Int32, message: String) -> Never {
        if !message.isEmpty {
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map {
                TerminalText.safe(String($0))
            }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        Foundation.exit(status)
    }
}

/// The release this binary was built from.
enum SmbtriageVersion {
    static let current = "0.2.0"
}
