import ArgumentParser
import Detection
import Foundation
import SmbtriageKit
import Store
import TriageModel

/// `smbtriage alerts`: list alerts, or change their workflow status.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "List alerts, or acknowledge, close and reopen them.",
        subcommands: [List.self, Acknowledge.self, Close.self, Reopen.self],
        defaultSubcommand: List.self
    )

    /// `smbtriage alerts [list]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List alerts, newest first.")

        @OptionGroup var store: StoreOptions
        @Option(help: "Only alerts in this status: \(AlertStatus.helpList).")
        var status: AlertStatus?
        @Option(help: "Only alerts whose source is this internal host (its address or hostname).")
        var host: HostArgument?
        @Option(help: "Only alerts on events at or after this time (ISO-8601, or a duration ago: 24h, 7d).")
        var since: PastTime?
        @Option(help: "At most this many alerts (default: 1000 in a table, all with --json; 0: all).")
        var limit: Int?
        @Flag(help: "One JSON object per line, with the event's ECS fields and kibana.alert.* fields.")
        var json = false

        func run() throws {
            let repository = try store.open(readOnly: true)
            let query = AlertQuery(status: status, host: try host?.address(in: repository), since: since?.date)
            var table = TextTable([("ID", .right), ("STATUS", .left), ("SEVERITY", .left), ("RISK", .right),
                                   ("TIME", .left), ("SOURCE", .left), ("DESTINATION", .left),
                                   ("BYTES OUT", .right), ("BYTES IN", .right), ("DATASET", .left)])
            let rows = Listing.rowLimit(limit, json: json, tableDefault: 1000)
            let shown = try repository.forEachAlert(query, limit: rows) { alert in
                guard !json else {
                    return try JSONLines.write(AlertDocument(alert, rule: repository.rule(of: alert)))
                }
                let event = alert.flow.event
                table.append(["\(alert.id)", alert.status.rawValue, alert.severity, "\(alert.riskScore)",
                              Formatting.time(event.timestamp),
                              Formatting.endpoint(event.sourceIPs, event.sourcePort),
                              Formatting.endpoint(event.destinationIPs, event.destinationPort),
                              event.sourceBytes.map(Formatting.bytes) ?? "-",
                              event.destinationBytes.map(Formatting.bytes) ?? "-", event.dataset ?? "-"])
            }
            let mayBeCut = rows == shown
            if !json { print(table.render()) }
            let total = mayBeCut ? try repository.alerts(query, offset: 0, limit: 0).total : shown
            Listing.footer(shown: shown, total: total, noun: "alert", json: json)
        }
    }

    /// `smbtriage alerts ack ID…`.
    struct Acknowledge: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge alerts.")
        @OptionGroup var change: StatusChange
        func run() throws { try change.apply(.acknowledged) }
    }

    /// `smbtriage alerts close ID… --reason R`.
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close alerts, with a reason.")
        @OptionGroup var change: StatusChange
        func validate() throws {
            guard change.reason?.isEmpty == false else {
                throw ValidationError("closing needs --reason (e.g. \"false positive\", \"benign true positive\").")
            }
        }
        func run() throws { try change.apply(.closed) }
    }

    /// `smbtriage alerts reopen ID…`.
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen alerts.")
        @OptionGroup var change: StatusChange
        func run() throws { try change.apply(.open) }
    }

    /// The arguments every status change takes.
    struct StatusChange: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @Argument(help: "Alert ids (the ID column of `smbtriage alerts`).")
        var ids: [Int64]
        @Option(help: "Why (required when closing; kept in the audit log).")
        var reason: String?

        func validate() throws {
            guard !ids.isEmpty else { throw ValidationError("name at least one alert id.") }
        }

        /// Moves the alerts to `status`; says which changed and which already were in it.
        func apply(_ status: AlertStatus) throws {
            let repository = try store.open(mustExist: true)
            var seen = Set<Int64>()
            let ids = ids.filter { seen.insert($0).inserted }
            let current = try ids.map { try repository.alert(id: $0)?.status }
            let missing = zip(ids, current).filter { $0.1 == nil }.map(\.0)
            guard missing.isEmpty else {
                throw CommandFailure("no alert with id \(missing.map(String.init).joined(separator: ", ")).")
            }
            let already = zip(ids, current).filter { $0.1 == status }.map(\.0)
            let toChange = ids.filter { !already.contains($0) }
            try repository.setStatus(status, alertIDs: toChange, reason: reason, actor: Analyst.current)
            if !toChange.isEmpty { print("\(Self.alerts(toChange)) now \(status.rawValue)") }
            if !already.isEmpty {
                print("\(Self.alerts(already)) \(already.count == 1 ? "was" : "were") already \(status.rawValue)")
            }
        }

        /// `alert 12` or `alerts 12, 13`.
        private static func alerts(_ ids: [Int64]) -> String {
            (ids.count == 1 ? "alert " : "alerts ") + ids.map(String.init).joined(separator: ", ")
        }
    }
}
