import Store

/// The JSON document and table row of a daily summary of pruned flows in `history`.
enum FlowSummaryDocument {
    static func make(_ summary: FlowSummary) -> [String: Any] {
        ["@timestamp": JSONLines.date(summary.day), "smbtriage.summary": true,
         "smbtriage.summary.flows": summary.flows, "smbtriage.summary.first_seen": JSONLines.date(summary.firstSeen),
         "smbtriage.summary.last_seen": JSONLines.date(summary.lastSeen),
         "source.ip": JSONLines.optional(summary.host.map { "\($0)" }),
         "destination.ip": JSONLines.optional(summary.destination.map { "\($0)" }),
         "destination.port": summary.ports, "source.bytes": summary.bytesSent,
         "destination.bytes": summary.bytesReceived, "smbtriage.first_seen_destination": summary.isFirstSeenDestination]
    }

    /// The row under `history`'s columns: the day, marked as a summary of so many flows.
    static func row(_ summary: FlowSummary) -> [String] {
        let ports = summary.ports.map(String.init).joined(separator: ",")
        let destination = summary.destination.map { "\($0)" } ?? "-"
        return [String(Formatting.time(summary.day).prefix(10)) + " (day)", summary.isFirstSeenDestination ? "new" : "",
                summary.host.map { "\($0)" } ?? "-", ports.isEmpty ? destination : "\(destination):\(ports)", "-",
                Formatting.bytes(summary.bytesSent), Formatting.bytes(summary.bytesReceived),
                "summary of \(summary.flows) flow\(summary.flows == 1 ? "" : "s")", "-"]
    }
}
