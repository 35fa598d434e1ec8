import ArgumentParser
import SmbtriageKit

/// `smbtriage audit`: every triage change, newest first.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Show the audit log of triage changes, newest first.")

    @OptionGroup var store: StoreOptions
    @Option(help: "At most this many entries (default: 200 in a table, all with --json; 0: all).")
    var limit: Int?
    @Flag(help: "One JSON object per line.") var json = false

    func run() throws {
        let rows = Listing.rowLimit(limit, json: json, tableDefault: 200)
        var entries = try store.open(readOnly: true).audit(limit: rows.map { $0 + 1 } ?? Int.max)
        let isCut = rows.map { entries.count > $0 } ?? false
        if let rows, isCut { entries.removeLast(entries.count - rows) }
        if json {
            for entry in entries { try JSONLines.write(AuditEntryDocument(entry)) }
        } else {
            var table = TextTable([("TIME", .left), ("ACTOR", .left), ("ACTION", .left), ("ALERT", .right),
                                   ("HOST", .left), ("TARGET", .left), ("DETAIL", .left)])
            for entry in entries {
                table.append([Formatting.time(entry.at), entry.actor, entry.action,
                              entry.alertID.map { "\($0)" } ?? "-", entry.host.map { "\($0)" } ?? "-",
                              entry.target, entry.detail])
            }
            print(table.render())
        }
        let shown = counted(entries.count, "entry", plural: "entries")
        if isCut {
            StandardError.print("the newest \(shown); --limit 0 lists them all")
        } else if !json {
            StandardError.print(shown)
        }
    }
}
