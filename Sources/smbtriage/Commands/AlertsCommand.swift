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

    /// `smbtriage alerts [list]`: a table row per connection (its alerts from every sensor that
    /// reported it), or a JSON document per alert.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List alerts, newest first: one row per connection, one JSON document per alert.")

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
            var connections = ConnectionRows()
            let rows = Listing.rowLimit(limit, json: json, tableDefault: 1000)
            let shown = try repository.forEachAlert(query, limit: rows) { alert in
                guard !json else {
                    return try JSONLines.write(AlertDocument(alert, rule: repository.rule(of: alert)))
                }
                connections.add(alert)
            }
            let mayBeCut = rows == shown
            if !json { print(Self.table(connections).render()) }
            let total = mayBeCut ? try repository.alerts(query, offset: 0, limit: 0).total : shown
            Listing.footer(shown: shown, total: total, noun: "alert", json: json)
        }

    /// The table: one row per connection, with the largest byte counts any of its records gave
        /// and the sensors that saw it; RISK only when the rows' risks differ.
        static func table(_ connections: ConnectionRows) -> TextTable {
            let risks = Set(connections.groups.flatMap { $0.alerts.map(\.riskScore) })
            let showsRisk = risks.count > 1
            var table = TextTable([("ID", .right), ("STATUS", .left), ("SEVERITY", .left)]
                + (showsRisk ? [("RISK", .right)] : [])
                + [("TIME", .left), ("SOURCE", .left), ("DESTINATION", .left), ("BYTES OUT", .right),
                   ("BYTES IN", .right), ("SEEN BY", .left)])
            for group in connections.groups {
                guard let first = group.alerts.first else { continue }
                let events = group.alerts.map(\.flow.event)
                let bytesOut = events.compactMap(\.sourceBytes).max()
                let bytesIn = events.compactMap(\.destinationBytes).max()
                let risk = group.alerts.map(\.riskScore).max() ?? first.riskScore
                table.append(["\(group.idText)", group.statusText, first.severity] + (showsRisk ? ["\(risk)"] : [])
                    + [Formatting.time(first.flow.event.timestamp),
                       Formatting.endpoint(first.flow.event.sourceIPs, first.flow.event.sourcePort),
                       Formatting.endpoint(first.flow.event.destinationIPs, first.flow.event.destinationPort),
                       bytesOut.map(Formatting.bytes) ?? "-", bytesIn.map(Formatting.bytes) ?? "-", group.seenBy])
            }
            return table
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
        @Argument(help: "Alert ids (the ID column of `smbtriage alerts`): each is changed whatever its status, and takes along the other alerts of its connection that move forward (ack: open ones; close: open and acknowledged; reopen: closed ones).")
        var ids: [Int64]
        @Option(help: "Why (required when closing; kept in the audit log).")
        var reason: String?

        func validate() throws {
            guard !ids.isEmpty else { throw ValidationError("name at least one alert id.") }
        }

        /// Moves the alerts named, and the other alerts of their connections as `AlertStatusChange`
        /// decides, to `status`; says which changed, which were left as they were and which
        /// already were in it.
        func apply(_ status: AlertStatus) throws {
            let repository = try store.open(mustExist: true)
            var seen = Set<Int64>()
            let named = ids.filter { seen.insert($0).inserted }
            let missing = try named.filter { try repository.alert(id: $0) == nil }
            guard missing.isEmpty else {
                throw CommandFailure("no alert with id \(missing.map(String.init).joined(separator: ", ")).")
            }
            // The store decides what moves from the statuses it reads in its write, and says what it wrote.
            let siblings = try repository.alertStatuses(sharingConnectionWith: named).keys.filter { !seen.contains($0) }
            let change = try repository.setStatus(status, named: named, comingAlong: siblings.sorted(), reason: reason,
                                                  actor: Analyst.current)
            if !change.written.isEmpty { print("\(Self.alerts(change.written)) now \(status.rawValue)") }
            if let held = change.heldText({ ids, _ in Self.alerts(ids) }) {
                let (shares, them) = change.held.count == 1 ? ("shares", "it") : ("share", "them")
                let connection = named.count == 1 ? "the connection of" : "a connection of"
                print("\(held): \(shares) \(connection) \(Self.alerts(named)) (name \(them) to \(status.verb) \(them))")
            }
            if let done = change.unchangedText(Self.alerts) { print(done) }
        }

        /// `alert 12` or `alerts 12, 13`.
        private static func alerts(_ ids: [Int64]) -> String {
            (ids.count == 1 ? "alert " : "alerts ") + ids.map(String.init).joined(separator: ", ")
        }
    }
}
