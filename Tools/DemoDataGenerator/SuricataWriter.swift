/// Writes Suricata 7 eve.json: a `flow` event per connection (written at flow timeout), `smb`
/// events for the tree connects it decoded, `dns` events for lookups (network events, not SMB).
/// Suricata's quirks: upper-case `proto`, `+0000` offsets, IPv6 written uncompressed.
enum SuricataWriter {
    private static let interface = "ens224"

    static func file(_ story: Story) -> DemoFile {
        var records: [DemoRecord] = []
        for connection in story.connections where connection.sensors.contains(.suricata) {
            if connection.application == .dns {
                records.append(DemoRecord(time: connection.start, line: dnsEvent(connection).serialized,
                                          event: ecsView(connection, applicationProtocol: "dns")))
                continue
            }
            if let activity = connection.shareActivity {
                for (offset, tree) in [("\\\\\(activity.serverName)\\IPC$", "PIPE"), (activity.share, "FILE")].enumerated() {
                    let time = connection.start.adding(seconds: 0.013 + Double(offset) * 0.031)
                    let smb: JSONValue = .object([
                        ("id", .int(offset + 3)), ("dialect", .string("3.1.1")),
                        ("command", .string("SMB2_COMMAND_TREE_CONNECT")),
                        ("status", .string("STATUS_SUCCESS")), ("status_code", .string("0x0")),
                        ("session_id", .int(Int64(connection.ids.suricataFlowID % 0xFFFF_FFFF) * 4_097)),
                        ("tree_id", .int(offset * 4 + 1)), ("share", .string(tree.0)), ("share_type", .string(tree.1)),
                    ])
                    records.append(DemoRecord(
                        time: time, line: event(connection, type: "smb", at: time, body: [("smb", smb)]).serialized,
                        event: ecsView(connection, applicationProtocol: "smb")
                    ))
                }
            }
            records.append(flowRecord(connection))
        }
        return DemoFile(
            path: "suricata/eve.json", format: "suricata",
            summary: "Suricata 7 eve.json at HQ: `flow` and `smb` events (plus `dns` events, which are not SMB)",
            records: records
        )
    }

    private static func flowRecord(_ connection: Connection) -> DemoRecord {
        let logged = connection.end.adding(seconds: connection.isAnswered ? 30 : 60)
        let appProto: String? = switch (connection.application, connection.isAnswered) {
        case (_, false): nil
        case (.smb, true): "smb"
        case (.dns, true): "dns"
        case (.https, true): "tls"
        }
        let flow: JSONValue = .object([
            ("pkts_toserver", .int(connection.clientPackets)), ("pkts_toclient", .int(connection.serverPackets)),
            ("bytes_toserver", .int(connection.clientFrameBytes)),
            ("bytes_toclient", .int(connection.isAnswered ? connection.serverFrameBytes : 0)),
            ("start", .string(connection.start.suricata)), ("end", .string(connection.end.suricata)),
            ("age", .int(Int(connection.duration.rounded(.down)))),
            ("state", .string(connection.isAnswered ? "closed" : "new")), ("reason", .string("timeout")),
            ("alerted", .bool(false)),
        ])
        let tcp: JSONValue = connection.isAnswered
            ? .object([
                ("tcp_flags", .string("1b")), ("tcp_flags_ts", .string("1b")), ("tcp_flags_tc", .string("1b")),
                ("syn", .bool(true)), ("fin", .bool(true)), ("psh", .bool(true)), ("ack", .bool(true)),
                ("state", .string("closed")),
            ])
            : .object([
                ("tcp_flags", .string("02")), ("tcp_flags_ts", .string("02")), ("tcp_flags_tc", .string("00")),
                ("syn", .bool(true)), ("state", .string("syn_sent")),
            ])
        var body: [(String, JSONValue)] = []
        if let appProto { body.append(("app_proto", .string(appProto))) }
        body.append(("flow", flow))
        if connection.transport == .tcp { body.append(("tcp", tcp)) }
        return DemoRecord(
            time: logged, line: event(connection, type: "flow", at: logged, body: body).serialized,
            event: ecsView(connection, applicationProtocol: appProto)
        )
    }

    private static func dnsEvent(_ connection: Connection) -> JSONValue {
        let dns: JSONValue = .object([
            ("type", .string("query")), ("id", .int(Int(connection.ids.suricataFlowID % 65_536))),
            ("rrname", .string("fs0\(connection.client.port % 2 + 1).\(Story.domain)")), ("rrtype", .string("A")),
            ("tx_id", .int(0)),
        ])
        return event(connection, type: "dns", at: connection.start, body: [("dns", dns)])
    }

    /// The members every eve event starts with, then `body`.
    private static func event(
        _ connection: Connection, type: String, at time: Timestamp, body: [(String, JSONValue)]
    ) -> JSONValue {
        .object([
            ("timestamp", .string(time.suricata)), ("flow_id", .number(String(connection.ids.suricataFlowID))),
            ("in_iface", .string(interface)), ("event_type", .string(type)),
            ("src_ip", .string(uncompressed(connection.client.address))), ("src_port", .int(connection.client.port)),
            ("dest_ip", .string(uncompressed(connection.server.address))), ("dest_port", .int(connection.server.port)),
            ("proto", .string(connection.transport.rawValue.uppercased())),
        ] + body)
    }

    private static func ecsView(_ connection: Connection, applicationProtocol: String?) -> ECSView {
        var view = connection.ecsView(dataset: "suricata.eve", applicationProtocol: applicationProtocol)
        view.sourceIPs = [uncompressed(connection.client.address)]
        view.destinationIPs = [uncompressed(connection.server.address)]
        return view
    }

    /// An IPv6 address with all eight groups of four digits, as older Suricata prints it; IPv4 as is.
    static func uncompressed(_ address: String) -> String {
        guard address.contains(":"), let bytes = AddressBlock.bytes(of: address) else { return address }
        return stride(from: 0, to: 16, by: 2).map { index in
            let hex = String(Int(bytes[index]) << 8 | Int(bytes[index + 1]), radix: 16)
            return String(repeating: "0", count: 4 - hex.count) + hex
        }.joined(separator: ":")
    }
}
