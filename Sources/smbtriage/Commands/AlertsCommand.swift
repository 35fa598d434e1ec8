import ArgumentParser
import Detection
import Foundation
import Store

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
        @Option(help: "Only alerts whose source is this internal host.")
        var host: IPArgument?
        @Option(help: "Only alerts on events at or after this time (ISO-8601, or a duration ago: 24h, 7d).")
        var since: PastTime?
        @Option(help: "At most this many alerts.")
        var limit: Int = 1000
        @Flag(help: "One JSON object per line, with the event's ECS fields and kibana.alert.* fields.")
        var json = false

        func run() throws {
            let repository = try store.open(readOnly: true)
            let query = AlertQuery(status: status, host: host?.address, since: since?.date)
            let page = try repository.alerts(query, offset: 0, limit: limit)
            if json {
                let rule = try DetectionRule.bundled()
                for alert in page.rows { JSONLines.write(AlertDocument.make(alert, rule: rule)) }
                return
            }
            var table = TextTable([("ID", .right), ("STATUS", .left), ("SEVERITY", .left), ("RISK", .right),
                                   ("TIME", .left), ("SOURCE", .left), ("DESTINATION", .left),
                                   ("BYTES OUT", .right), ("BYTES IN", .right), ("DATASET", .left)])
            for alert in page.rows {
                let event = alert.flow.event
                table.append(["\(alert.id)", alert.status.rawValue, alert.severity, "\(alert.riskScore)",
                              Formatting.time(event.timestamp),
                              Formatting.endpoint(event.sourceIPs, event.sourcePort),
                              Formatting.endpoint(event.destinationIPs, event.destinationPort),
                              event.sourceBytes.map(Formatting.bytes) ?? "-",
                              event.destinationBytes.map(Formatting.bytes) ?? "-", event.dataset ?? "-"])
            }
            print(table.render())
            print("\(page.rows.count) of \(page.total) alerts")
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

        func apply(_ status: AlertStatus) throws {
            let repository = try store.open()
            let missing = try ids.filter { try repository.alert(id: $0) == nil }
            guard missing.isEmpty else {
                throw CommandFailure("no alert with id \(missing.map(String.init).joined(separator: ", ")).")
            }
            let changed = try repository.setStatus(status, alertIDs: ids, reason: reason, actor: Analyst.current)
            print("\(changed) of \(ids.count) alerts now \(status.rawValue)")
        }
    }
}

/// An IP address argument, validated with the precise parse error.
struct IPArgument: ExpressibleByArgument {
    let address: IPAddress

    init?(argument: String) {
        guard let address = try? IPAddress(parsing: argument) else { return nil }
        self.address = address
    }
}
