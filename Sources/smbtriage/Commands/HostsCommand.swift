import ArgumentParser
import Store

/// `smbtriage hosts`: one row per internal source host, most in need of attention first.
struct HostsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hosts",
        abstract: "List internal source hosts with their alerts, destinations and bytes sent out."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Order: \(HostSort.helpList).")
    var sort: HostSort = .attention
    @Option(help: "Only hosts with an alert in this status: \(AlertStatus.helpList).")
    var status: AlertStatus?
    @Option(help: "Only hosts whose address or hostname contains this text.")
    var filter: String = ""
    @Option(help: "At most this many hosts.")
    var limit: Int = 500
    @Flag(help: "One JSON object per line.")
    var json = false

    func run() throws {
        let repository = try store.open(readOnly: true)
        let page = try repository.hosts(filter: HostFilter(text: filter, status: status), sort: sort,
                                        offset: 0, limit: limit)
        if json {
            for host in page.rows { JSONLines.write(Self.document(host)) }
            return
        }
        var table = TextTable([("HOST", .left), ("HOSTNAME", .left), ("OPEN", .right), ("ACK", .right),
                               ("CLOSED", .right), ("EXT DESTS", .right), ("BYTES OUT", .right),
                               ("FIRST SEEN", .left), ("LAST SEEN", .left), ("RISK", .right)])
        for host in page.rows {
            table.append(["\(host.address)", host.hostName ?? "-", "\(host.openAlerts)",
                          "\(host.acknowledgedAlerts)", "\(host.closedAlerts)", "\(host.externalDestinations)",
                          Formatting.bytes(host.bytesOut), Formatting.time(host.firstSeen),
                          Formatting.time(host.lastSeen), host.highestRisk.map { "\($0)" } ?? "-"])
        }
        print(table.render())
        print("\(page.rows.count) of \(page.total) hosts")
    }

    static func document(_ host: HostSummary) -> [String: Any] {
        [
            "source.ip": "\(host.address)",
            "host.name": JSONLines.optional(host.hostName),
            "alerts.open": host.openAlerts,
            "alerts.acknowledged": host.acknowledgedAlerts,
            "alerts.closed": host.closedAlerts,
            "destinations.external": host.externalDestinations,
            "source.bytes.external": host.bytesOut,
            "first_seen": JSONLines.date(host.firstSeen),
            "last_seen": JSONLines.date(host.lastSeen),
            "risk_score.max": JSONLines.optional(host.highestRisk),
        ]
    }
}
