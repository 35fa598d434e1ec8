import ArgumentParser
import Store

/// `smbtriage history HOST`: every SMB flow of one host, internal and external, oldest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every SMB flow of a host, oldest first, marking destinations new for the host."
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
        if json {
            for flow in flows {
                var document = EventDocument.ecsFields(flow)
                document["smbtriage.first_seen_destination"] = flow.isFirstSeenDestination
                JSONLines.write(document)
            }
            return
        }
        guard !flows.isEmpty else {
            StandardError.print("no SMB flows stored for \(address)")
            return
        }
        var table = TextTable([("TIME", .left), ("NEW", .left), ("SOURCE", .left), ("DESTINATION", .left),
                               ("PROTO", .left), ("BYTES OUT", .right), ("BYTES IN", .right),
                               ("STATE", .left), ("DATASET", .left)])
        for flow in flows {
            let event = flow.event
            table.append([Formatting.time(event.timestamp), flow.isFirstSeenDestination ? "new" : "",
                          Formatting.endpoint(event.sourceIPs, event.sourcePort),
                          Formatting.endpoint(event.destinationIPs, event.destinationPort),
                          event.transport ?? "-", event.sourceBytes.map(Formatting.bytes) ?? "-",
                          event.destinationBytes.map(Formatting.bytes) ?? "-", event.connectionState ?? "-",
                          event.dataset ?? "-"])
        }
        print(table.render())
        StandardError.print(counted(flows.count, "SMB flow"))
    }
}
