import ArgumentParser
import Foundation
import SmbtriageKit
import Store
import TriageModel

/// `smbtriage history HOST`: every SMB flow of one host, internal and external, oldest first,
/// with the daily summaries of pruned flows in their place.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every SMB flow of a host, oldest first, marking destinations new for the host.",
        discussion: "Flows the retention policy pruned show as one summary row per day and destination."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The host's address, or its hostname.") var host: HostArgument
    @Flag(help: "One JSON object per line.") var json = false

    func run() throws {
        let repository = try store.open(readOnly: true)
        let address = try host.address(in: repository)
        var flows: [StoredFlow] = []
        _ = try Listing.stream(limit: nil) { try repository.history(of: address, offset: $0, limit: $1) } _: {
            flows.append($0)
        }
        flows.reverse()
        let summaries = try repository.flowSummaries(of: address).reversed()
        let rows = Self.merged(flows, summaries)
        if json {
            for row in rows {
                switch row {
                case .flow(let flow):
                    var document = EventDocument(flow)
                    document.isFirstSeenDestination = flow.isFirstSeenDestination
                    try JSONLines.write(document)
                case .summary(let summary):
                    try JSONLines.write(FlowSummaryDocument(summary))
                }
            }
            return
        }
        guard !rows.isEmpty else {
            StandardError.print("no SMB flows stored for \(address)")
            return
        }
        var table = TextTable([("TIME", .left), ("NEW", .left), ("SOURCE", .left), ("DESTINATION", .left),
                               ("PROTO", .left), ("BYTES OUT", .right), ("BYTES IN", .right),
                               ("STATE", .left), ("DATASET", .left)])
        for row in rows {
            switch row {
            case .flow(let flow): table.append(Self.cells(flow))
            case .summary(let summary): table.append(Self.cells(summary))
            }
        }
        print(table.render())
        let pruned = summaries.reduce(0) { $0 + $1.flows }
        StandardError.print(counted(flows.count, "SMB flow") + (summaries.isEmpty ? "" : ", "
            + counted(summaries.count, "daily summary", plural: "daily summaries") + " of "
            + counted(pruned, "pruned flow")))
    }

    /// A row of the history: a stored flow, or the daily summary of pruned ones.
    private enum Row {
        case flow(StoredFlow)
        case summary(FlowSummary)
    }

    /// Flows and summaries (each oldest first) in one list, oldest first; a summary comes before
    /// the flows of its day.
    private static func merged(_ flows: [StoredFlow], _ summaries: some Sequence<FlowSummary>) -> [Row] {
        var rows: [Row] = []
        var pending = Array(summaries)[...]
        for flow in flows {
            let time = flow.event.timestamp ?? flow.ingestedAt
            while let next = pending.first, next.day <= time {
                rows.append(.summary(next))
                pending = pending.dropFirst()
            }
            rows.append(.flow(flow))
        }
        return rows + pending.map(Row.summary)
    }

    /// The day, marked as a summary of so many flows, under the flows' columns.
    private static func cells(_ summary: FlowSummary) -> [String] {
        let ports = summary.ports.map(String.init).joined(separator: ",")
        let destination = summary.destination.map { "\($0)" } ?? "-"
        return [String(Formatting.time(summary.day).prefix(10)) + " (day)", summary.isFirstSeenDestination ? "new" : "",
                summary.host.map { "\($0)" } ?? "-", ports.isEmpty ? destination : "\(destination):\(ports)", "-",
                Formatting.bytes(summary.bytesSent), Formatting.bytes(summary.bytesReceived),
                "summary of \(summary.flows) flow\(summary.flows == 1 ? "" : "s")", "-"]
    }

    private static func cells(_ flow: StoredFlow) -> [String] {
        let event = flow.event
        return [Formatting.time(event.timestamp), flow.isFirstSeenDestination ? "new" : "",
                Formatting.endpoint(event.sourceIPs, event.sourcePort),
                Formatting.endpoint(event.destinationIPs, event.destinationPort),
                event.transport ?? "-", event.sourceBytes.map(Formatting.bytes) ?? "-",
                event.destinationBytes.map(Formatting.bytes) ?? "-", event.connectionState ?? "-",
                event.dataset ?? "-"]
    }
}
