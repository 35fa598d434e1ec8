import ArgumentParser

/// `smbtriage audit`: every triage change, newest first.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Show the audit log of triage changes, newest first.")

    @OptionGroup var store: StoreOptions
    @Option(help: "At most this many entries.") var limit: Int = 200
    @Flag(help: "One JSON object per line.") var json = false

    func run() throws {
        let entries = try store.open(readOnly: true).audit(limit: limit)
        if json {
            for entry in entries {
                JSONLines.write(["id": entry.id, "@timestamp": JSONLines.date(entry.at), "actor": entry.actor,
                                 "action": entry.action, "target": entry.target, "detail": entry.detail])
            }
            return
        }
        var table = TextTable([("TIME", .left), ("ACTOR", .left), ("ACTION", .left), ("TARGET", .left),
                               ("DETAIL", .left)])
        for entry in entries {
            table.append([Formatting.time(entry.at), entry.actor, entry.action, entry.target, entry.detail])
        }
        print(table.render())
    }
}
