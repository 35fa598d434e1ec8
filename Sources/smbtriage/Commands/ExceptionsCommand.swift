import ArgumentParser
import Detection
import Foundation
import SmbtriageKit
import Store
import TriageModel

/// `smbtriage exceptions`: the rule's allowlist, as Elastic exception items.
struct ExceptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exceptions",
        abstract: "Add, list, remove, export and import the rule's exceptions (its allowlist).",
        subcommands: [Add.self, List.self, Remove.self, Export.self, Import.self],
        defaultSubcommand: List.self
    )

    /// `smbtriage exceptions add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an exception for a destination, a source, or a source→destination pair.",
            discussion: """
            --destination alone silences every event to that address or CIDR; --source alone every event \
            from it; both together only that source→destination pair. An exception that would silence a \
            large share of the rule is refused unless --force: a quarter of an RFC 1918 source range, \
            more internal sources or destinations than a /16 holds (with the exceptions already \
            stored: a /12; IPv6: /48 and /32), or every alert of one internal source host. An expiry \
            in the past is refused.
            """
        )

        @OptionGroup var store: StoreOptions
        @Option(help: "Destination IP or CIDR.") var destination: PrefixArgument?
        @Option(help: "Source IP or CIDR.") var source: PrefixArgument?
        @Option(help: "Why the exception exists (required).") var comment: String
        @Option(help: "When it stops applying: a duration from now (7d, 12h) or an ISO-8601 date.")
        var expires: FutureTime?
        @Flag(help: "Close the open alerts the exception matches.") var closeMatching = false
        @Flag(help: "Add it even if it silences a large share of the rule or every alert of one internal host.")
        var force = false

        func validate() throws {
            guard destination != nil || source != nil else {
                throw ValidationError("name --destination, --source, or both.")
            }
            guard !comment.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--comment must say why the exception exists.")
            }
        }

        var scope: ExceptionScope {
            switch (source?.prefix, destination?.prefix) {
            case let (source?, destination?): .pair(source: source, destination: destination)
            case let (source?, nil): .source(source)
            case let (nil, destination?): .destination(destination)
            case (nil, nil): preconditionFailure("validate() requires a source or a destination")
            }
        }

        func run() throws {
            let repository = try store.open()
            let now = Date()
            let item = ExceptionItem(scope: scope, comment: comment, author: Analyst.current,
                                     createdAt: now, expiresAt: expires?.date)
            let concerns = try ExceptionGuardCheck.make(repository, now: now).concerns(about: item)
            if concerns.contains(where: { $0.kind == .expired }) {
                throw CommandFailure("refused: \(ExceptionGuardCheck.text(concerns.filter { $0.kind == .expired })).")
            }
            if !concerns.isEmpty, !force {
                throw CommandFailure("refused: \(ExceptionGuardCheck.text(concerns)). Add --force if that is what you mean.")
            }
            let result = try repository.addException(item, closeMatching: closeMatching, actor: Analyst.current)
            print("exception \(item.id) added: \(TerminalText.safe(item.conditionSummary))")
            if closeMatching { print("\(counted(result.closedAlertIDs.count, "matching open alert")) closed") }
        }
    }

    /// `smbtriage exceptions [list]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List exceptions, active and expired, with how many events each has suppressed.",
            discussion: """
            STATE is active, expired, or stale: active, yet it has suppressed nothing in the last \
            --stale-days days (and is at least that old), so it may no longer be needed.
            """)

        @OptionGroup var store: StoreOptions
        @Flag(help: "One JSON object per line.") var json = false
        @Option(help: "Mark an active exception stale when it has suppressed nothing in this many days.")
        var staleDays = ExceptionRecord.defaultStaleDays

        func validate() throws {
            guard staleDays > 0 else { throw ValidationError("--stale-days must be a positive number of days.") }
        }

        func run() throws {
            let records = try store.open(readOnly: true).exceptions()
            let now = Date()
            if json {
                for record in records { try JSONLines.write(ExceptionDocument(record, now: now, staleDays: staleDays)) }
                return
            }
            guard !records.isEmpty else {
                print("no exceptions")
                return
            }
            var table = TextTable([("ID", .left), ("STATE", .left), ("CONDITIONS", .left), ("COMMENT", .left),
                                   ("AUTHOR", .left), ("CREATED", .left), ("EXPIRES", .left),
                                   ("SUPPRESSED", .right), ("LAST SUPPRESSED", .left)])
            for record in records {
                let item = record.item
                table.append([item.id, ExceptionDocument.state(record, now: now, staleDays: staleDays), item.conditionSummary,
                              item.comment, item.author, Formatting.time(item.createdAt),
                              Formatting.time(item.expiresAt), "\(record.suppressedEvents)",
                              Formatting.time(record.lastSuppressedAt)])
            }
            print(table.render())
        }
    }

    /// `smbtriage exceptions remove ID`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an exception.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The exception's id.") var id: String

        func run() throws {
            let repository = try store.open(mustExist: true)
            guard try repository.exceptions().contains(where: { $0.id == id }) else {
                throw CommandFailure("no exception with id \(id).")
            }
            try repository.removeException(id: id, actor: Analyst.current)
            print("exception \(TerminalText.safe(id)) removed")
        }
    }

    /// `smbtriage exceptions export`: Kibana's exception-list NDJSON on standard output.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the exceptions as a Kibana exception list (NDJSON) to standard output.")
        @OptionGroup var store: StoreOptions
        @Option(help: "The exported list's list_id.") var listID = "smbtriage-smb-to-internet"

        func run() throws {
            let items = try store.open(readOnly: true).exceptions().map(\.item)
            print(JSONLines.terminalSafe(KibanaExceptionList.export(items, listID: listID, now: Date())), terminator: "")
        }
    }

    /// `smbtriage exceptions import FILE`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a Kibana exception list (NDJSON); items already present by item_id are replaced.",
            discussion: """
            Every item is read and checked first: one the rule cannot evaluate (an address that is not one, \
            an unknown field) is an error naming its line, and nothing is imported, even with --force. Then \
            each item passes the guard `exceptions add` applies, judged with the stored exceptions and the \
            items before it in the file. When any item is refused, each refusal is reported with its line \
            and nothing is imported, unless --force.
            """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The NDJSON file, or - for standard input.") var file: String
        @Flag(help: """
            Import every item, even one that silences a large share of the rule, every alert of one internal \
            host, or has expired.
            """)
        var force = false

        func run() throws {
            let text: String
            do {
                let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                    : try Data(contentsOf: URL(fileURLWithPath: file))
                text = String(decoding: data, as: UTF8.self)
            } catch {
                throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
            }
            let parsed: [KibanaExceptionList.ParsedItem]
            do {
                parsed = try KibanaExceptionList.parse(text)
            } catch {
                throw CommandFailure("\(file):\(error.line): \(error.reason)")
            }
            let repository = try store.open()
            try checkGuard(parsed, repository: repository)
            let imported = try repository.importExceptions(parsed.map(\.item), actor: Analyst.current)
            print("\(counted(imported, "exception item")) imported from \(TerminalText.safe(file))")
        }
    }
}

/// An IP address or CIDR argument.
struct PrefixArgument: ExpressibleByArgument {
    let prefix: IPPrefix

    init?(argument: String) {
        guard let prefix = try? IPPrefix(parsing: argument) else { return nil }
        self.prefix = prefix
    }
}
