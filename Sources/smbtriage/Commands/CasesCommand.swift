import ArgumentParser
import SmbtriageKit
import Store
import TriageModel

/// `smbtriage cases`: one row per case (an internal host with alerts), in the hosts list's order.
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "List the cases: each internal host with alerts, its state, verdict and checklist progress."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Only cases in this state (repeatable): \(CaseState.helpList).")
    var state: [CaseState] = []
    @Option(help: "Order: \(HostSort.helpList).")
    var sort: HostSort = .attention
    @Option(help: "Only hosts whose address or hostname contains this text.")
    var filter: String = ""
    @Option(help: "At most this many cases (default: 500 in a table, all with --json; 0: all).")
    var limit: Int?
    @Flag(help: "One JSON object per line.")
    var json = false

    func run() throws {
        let repository = try store.open(readOnly: true)
        let steps = try repository.activeRule().rule.investigationGuide.steps.count
        let filter = HostFilter(text: filter, caseStates: Set(state.isEmpty ? CaseState.allCases : state))
        var table = TextTable([("HOST", .left), ("HOSTNAME", .left), ("STATE", .left), ("VERDICT", .left),
                               ("CHECKLIST", .right), ("OPEN", .right), ("ACK", .right), ("CLOSED", .right),
                               ("REOPENED BY", .right), ("LAST SEEN", .left)])
        let listed = try Listing.stream(limit: Listing.rowLimit(limit, json: json, tableDefault: 500)) { offset, count in
            try repository.hosts(filter: filter, sort: sort, offset: offset, limit: count)
        } _: { host in
            guard let progress = host.caseProgress else { return }
            guard !json else { return try JSONLines.write(CaseRowDocument(host, progress, guideSteps: steps)) }
            table.append(["\(host.address)", host.hostName ?? "-", progress.state.rawValue,
                          progress.verdict.map { "\($0)" } ?? "-", "\(min(progress.checkedGuideSteps, steps))/\(steps)",
                          "\(host.openAlerts)", "\(host.acknowledgedAlerts)", "\(host.closedAlerts)",
                          progress.reopenedBy.map { counted($0, "alert") } ?? "-", Formatting.time(host.lastSeen)])
        }
        if !json { print(table.render()) }
        Listing.footer(shown: listed.shown, total: listed.total, noun: "case", json: json)
    }
}
