/// Writes ECS flow documents the way Packetbeat's flow worker publishes them: one report per
/// `period` (5 minutes on this sensor) while a flow lasts, with cumulative counters and
/// `flow.final: false`, and a final report (`event.type` with `end`) once it times out.
struct PacketbeatWriter {
    /// How the documents are shaped.
    enum Shape {
        /// Standalone Packetbeat 8: `event.dataset: flow`, `flow.id`, top-level `type: flow`.
        case packetbeat
        /// Elastic Agent's network_traffic integration with `map_to_ecs`: `network_traffic.flow.*`,
        /// `data_stream.*`, no top-level `type`.
        case elasticAgent
    }

    var shape: Shape
    var sensorName: String

    private static let reportPeriod = 300.0
    private static let flowTimeout = 30.0

    /// The standalone HQ sensor's file: most lines nested, some dotted or mixed (a re-imported flat
    /// export, ports as strings), and one Kibana search hit with its `_source` envelope.
    static func packetbeatFile(_ story: Story) -> DemoFile {
        let writer = PacketbeatWriter(shape: .packetbeat, sensorName: "pb-hq-core01")
        var records: [DemoRecord] = []
        let connections = story.connections.filter { $0.sensors.contains(.packetbeat) }
        for (number, connection) in connections.enumerated() {
            let isFlatExport = number % 13 == 4
            for report in writer.reports(for: connection, portsAsText: isFlatExport) {
                let document: JSONValue = switch number % 13 {
                case 4: report.document.dotted()
                case 9: report.document.dotted(keepNested: ["source", "destination", "agent"])
                default: report.document
                }
                let line = connection.server.address == "0.0.0.4" ? writer.searchHit(document, id: records.count) : document
                records.append(DemoRecord(time: report.time, line: line.serialized, event: report.event))
            }
        }
        return DemoFile(
            path: "packetbeat/flows.ndjson", format: "ecs",
            summary: "Packetbeat 8 flow documents from the HQ core switch (nested, dotted and mixed keys, one `_source` hit)",
            records: records
        )
    }

    /// The lab's Elastic Agent file (benchmark traffic only).
    static func elasticAgentFile(_ story: Story) -> DemoFile {
        let writer = PacketbeatWriter(shape: .elasticAgent, sensorName: "lab-agent01")
        let records = story.connections.filter { $0.sensors.contains(.elasticAgent) }.flatMap { connection in
            writer.reports(for: connection, portsAsText: false).map { report in
                DemoRecord(time: report.time, line: report.document.serialized, event: report.event)
            }
        }
        return DemoFile(
            path: "elastic-agent/network_traffic.ndjson", format: "ecs",
            summary: "Elastic Agent network_traffic.flow documents from the lab (`network_traffic.flow.id`, `data_stream`)",
            records: records
        )
    }

    private struct Report {
        var time: Timestamp
        var document: JSONValue
        var event: ECSView
    }

    /// The intermediate reports and the final one for a connection; `portsAsText` writes the ports
    /// as numeric strings, as a flat export does.
    private func reports(for connection: Connection, portsAsText: Bool) -> [Report] {
        let intermediateCount = Int(connection.duration / Self.reportPeriod)
        var reports: [Report] = []
        for number in 0...intermediateCount {
            let isFinal = number == intermediateCount
            let elapsed = isFinal ? connection.duration : Double(number + 1) * Self.reportPeriod
            let fraction = connection.duration > 0 ? elapsed / connection.duration : 1
            let time = isFinal
                ? connection.end.adding(seconds: Self.flowTimeout)
                : connection.start.adding(seconds: elapsed)
            var event = connection.ecsView(dataset: dataset, applicationProtocol: nil)
            event.packetbeatFlowID = connection.ids.packetbeatFlowID
            reports.append(Report(
                time: time,
                document: document(
                    for: connection, at: time, elapsed: elapsed, fraction: fraction, isFinal: isFinal,
                    portsAsText: portsAsText
                ),
                event: event
            ))
        }
        return reports
    }

    private var dataset: String {
        shape == .packetbeat ? "flow" : "network_traffic.flow"
    }

    private func document(
        for connection: Connection, at time: Timestamp, elapsed: Double, fraction: Double, isFinal: Bool,
        portsAsText: Bool
    ) -> JSONValue {
        func port(_ value: Int) -> JSONValue { portsAsText ? .string(String(value)) : .int(value) }
        func share(_ total: Int64) -> Int64 { isFinal ? total : Int64((Double(total) * fraction).rounded()) }
        let sourceBytes = share(connection.clientIPBytes), sourcePackets = share(connection.clientPackets)
        let destinationBytes = share(connection.serverIPBytes), destinationPackets = share(connection.serverPackets)
        let end = connection.start.adding(seconds: elapsed)
        var members: [(String, JSONValue)] = [
            ("@timestamp", .string(time.iso8601Milliseconds)),
            ("agent", .object([
                ("type", .string("packetbeat")), ("version", .string("8.15.3")),
                ("name", .string(sensorName)), ("hostname", .string(sensorName)),
            ])),
            ("ecs", .object([("version", .string("8.0.0"))])),
            ("host", .object([("name", .string(sensorName))])),
            ("event", .object([
                ("dataset", .string(dataset)), ("kind", .string("event")), ("category", .array([.string("network")])),
                ("type", .array(isFinal ? [.string("connection"), .string("end")] : [.string("connection")])),
                ("action", .string("network_flow")),
                ("start", .string(connection.start.iso8601Milliseconds)), ("end", .string(end.iso8601Milliseconds)),
                ("duration", .int(Int64((elapsed * 1_000_000).rounded()) * 1000)),
            ])),
        ]
        let flow: JSONValue = .object([("id", .string(connection.ids.packetbeatFlowID)), ("final", .bool(isFinal))])
        switch shape {
        case .packetbeat:
            members += [("flow", flow), ("type", .string("flow"))]
        case .elasticAgent:
            members += [
                ("network_traffic", .object([("flow", flow)])),
                ("data_stream", .object([
                    ("type", .string("logs")), ("dataset", .string("network_traffic.flow")), ("namespace", .string("default")),
                ])),
            ]
        }
        members += [
            ("source", .object([
                ("ip", .string(connection.client.address)), ("port", port(connection.client.port)),
                ("bytes", .int(sourceBytes)), ("packets", .int(sourcePackets)),
            ])),
            ("destination", .object([
                ("ip", .string(connection.server.address)), ("port", port(connection.server.port)),
                ("bytes", .int(destinationBytes)), ("packets", .int(destinationPackets)),
            ])),
            ("network", .object([
                ("type", .string(connection.isIPv6 ? "ipv6" : "ipv4")), ("transport", .string(connection.transport.rawValue)),
                ("bytes", .int(sourceBytes + destinationBytes)), ("packets", .int(sourcePackets + destinationPackets)),
            ])),
        ]
        return .object(members)
    }

    /// A Kibana search hit around a document.
    private func searchHit(_ document: JSONValue, id: Int) -> JSONValue {
        .object([
            ("_index", .string(".ds-packetbeat-8.15.3-2026.11.30-000001")),
            ("_id", .string("pb-\(sensorName)-\(id)")),
            ("_score", .number("1.0")),
            ("_source", document),
        ])
    }
}
