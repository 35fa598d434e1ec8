import ArgumentParser
import ScreenCore
import SmbtriageKit
import Store
import TriageModel

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
    @Option(help: "At most this many hosts (default: 500 in a table, all with --json; 0: all).")
    var limit: Int?
    @Flag(help: "One JSON object per line.")
    var json = false

    func run() throws {
        let repository = try store.open(readOnly: true)
        let filter = HostFilter(text: filter, status: status)
        var hosts: [HostSummary] = []
        let listed = try Listing.stream(limit: Listing.rowLimit(limit, json: json, tableDefault: 500)) { offset, count in
            try repository.hosts(filter: filter, sort: sort, offset: offset, limit: count)
        } _: { host in
            guard !json else { return try JSONLines.write(HostDocument(host)) }
            hosts.append(host)
        }
        if !json { print(Self.table(hosts).render()) }
        Listing.footer(shown: listed.shown, total: listed.total, noun: "host", json: json)
    }

    /// The table, with why each host ranks where it does; RISK only when the hosts' risks differ.
    static func table(_ hosts: [HostSummary]) -> TextTable {
        let showsRisk = Set(hosts.map(\.highestRisk)).count > 1
        var table = TextTable([("HOST", .left), ("HOSTNAME", .left), ("OPEN", .right), ("ACK", .right),
                               ("CLOSED", .right), ("EXT DESTS", .right), ("BYTES OUT", .right),
                               ("FIRST SEEN", .left), ("LAST SEEN", .left)]
                              + (showsRisk ? [("RISK", .right)] : []) + [("WHY", .left)])
        for host in hosts {
            table.append(["\(host.address)", host.hostName ?? "-", "\(host.openAlerts)",
                          "\(host.acknowledgedAlerts)", "\(host.closedAlerts)", "\(host.externalDestinations)",
                          Formatting.bytes(host.bytesOut), Formatting.time(host.firstSeen),
                          Formatting.time(host.lastSeen)]
                         + (showsRisk ? [host.highestRisk.map { "\($0)" } ?? "-"] : []) + [host.ranking.reason(size: NumberText.bytes)])
        }
        return table
    }
}
