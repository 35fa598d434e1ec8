/// A Zeek log's name, columns and rows, built from the story; `ZeekTSVWriter` and
/// `ZeekJSONWriter` render it.
struct ZeekLog {
    struct Row {
        /// When Zeek wrote the row (a connection is logged when it ends).
        var written: Timestamp
        var values: [ZeekValue]
        var event: ECSView
    }

    var path: String
    var fields: [(name: String, type: String)]
    var rows: [Row]

    /// `conn.log` (scripts/base/protocols/conn/main.zeek) for the connections `sensor` saw.
    static func connections(_ story: Story, sensor: Sensor) -> ZeekLog {
        let rows = story.connections.filter { $0.sensors.contains(sensor) }.map { connection in
            let service: ZeekValue = switch (connection.application, connection.isAnswered) {
            case (_, false): .unset
            case (.smb, true): .string("smb,gssapi")
            case (.dns, true): .string("dns")
            case (.https, true): .string("ssl")
            }
            let history = connection.transport == .udp ? "Dd" : connection.isAnswered ? "ShADadFf" : "S"
            let singlePacket = connection.clientPackets + connection.serverPackets == 1
            let event = connection.ecsView(dataset: "zeek.connection", applicationProtocol: service.text)
            return Row(written: connection.end, values: [
                .time(connection.start), .string(connection.ids.zeekUID),
                .string(connection.client.address), .count(Int64(connection.client.port)),
                .string(connection.server.address), .count(Int64(connection.server.port)),
                .string(connection.transport.rawValue), service,
                singlePacket ? .unset : .interval(connection.duration),
                singlePacket ? .unset : .count(connection.clientBytes),
                singlePacket ? .unset : .count(connection.serverBytes),
                .string(connection.isAnswered ? "SF" : "S0"),
                .bool(isLocal(connection.client.address)), .bool(isLocal(connection.server.address)),
                .count(0), .string(history),
                .count(connection.clientPackets), .count(connection.clientIPBytes),
                .count(connection.serverPackets), .count(connection.isAnswered ? connection.serverIPBytes : 0),
                .set([]),
            ], event: event)
        }
        return ZeekLog(path: "conn", fields: [
            ("ts", "time"), ("uid", "string"), ("id.orig_h", "addr"), ("id.orig_p", "port"), ("id.resp_h", "addr"),
            ("id.resp_p", "port"), ("proto", "enum"), ("service", "string"), ("duration", "interval"),
            ("orig_bytes", "count"), ("resp_bytes", "count"), ("conn_state", "string"), ("local_orig", "bool"),
            ("local_resp", "bool"), ("missed_bytes", "count"), ("history", "string"), ("orig_pkts", "count"),
            ("orig_ip_bytes", "count"), ("resp_pkts", "count"), ("resp_ip_bytes", "count"),
            ("tunnel_parents", "set[string]"),
        ], rows: rows)
    }

    /// `smb_mapping.log`: the IPC$ tree connect, then the share's, per SMB session `sensor` saw.
    static func smbMappings(_ story: Story, sensor: Sensor) -> ZeekLog {
        var rows: [Row] = []
        for connection in story.connections where connection.sensors.contains(sensor) {
            guard let activity = connection.shareActivity else { continue }
            let trees: [(path: String, service: ZeekValue, type: String)] = [
                ("\\\\\(activity.serverName)\\IPC$", .string("IPC"), "PIPE"), (activity.share, .unset, "DISK"),
            ]
            for (offset, tree) in trees.enumerated() {
                let time = connection.start.adding(seconds: 0.012 + Double(offset) * 0.031)
                rows.append(Row(
                    written: time,
                    values: smbIdentity(connection, at: time) + [.string(tree.path), tree.service, .unset, .string(tree.type)],
                    event: connection.ecsView(dataset: "zeek.smb_mapping", applicationProtocol: "smb")
                ))
            }
        }
        return ZeekLog(
            path: "smb_mapping",
            fields: smbIdentityFields + [
                ("path", "string"), ("service", "string"), ("native_file_system", "string"), ("share_type", "string"),
            ],
            rows: rows
        )
    }

    /// `smb_files.log`: one `SMB::FILE_OPEN` per file a session touched.
    static func smbFiles(_ story: Story, sensor: Sensor) -> ZeekLog {
        var rows: [Row] = []
        for connection in story.connections where connection.sensors.contains(sensor) {
            guard let activity = connection.shareActivity else { continue }
            for (offset, (name, fileID)) in zip(activity.files, activity.fileIDs).enumerated() {
                let time = connection.start.adding(seconds: 0.2 + Double(offset) * 1.7)
                let modified = connection.start.adding(seconds: -Double(86_400 * (offset + 2) + 3_917))
                rows.append(Row(
                    written: time,
                    values: smbIdentity(connection, at: time) + [
                        .string(fileID), .string("SMB::FILE_OPEN"), .string(activity.share), .string(name),
                        .count(connection.serverBytes / Int64(activity.files.count)), .unset,
                        .time(modified), .time(connection.start), .time(modified.adding(seconds: -604_800)), .time(modified),
                    ],
                    event: connection.ecsView(dataset: "zeek.smb_files", applicationProtocol: "smb")
                ))
            }
        }
        return ZeekLog(path: "smb_files", fields: smbIdentityFields + [
            ("fuid", "string"), ("action", "enum"), ("path", "string"), ("name", "string"), ("size", "count"),
            ("prev_name", "string"), ("times.modified", "time"), ("times.accessed", "time"),
            ("times.created", "time"), ("times.changed", "time"),
        ], rows: rows)
    }

    private static let smbIdentityFields: [(name: String, type: String)] = [
        ("ts", "time"), ("uid", "string"), ("id.orig_h", "addr"), ("id.orig_p", "port"), ("id.resp_h", "addr"),
        ("id.resp_p", "port"),
    ]

    private static func smbIdentity(_ connection: Connection, at time: Timestamp) -> [ZeekValue] {
        [
            .time(time), .string(connection.ids.zeekUID), .string(connection.client.address),
            .count(Int64(connection.client.port)), .string(connection.server.address), .count(Int64(connection.server.port)),
        ]
    }

    /// `Site::local_nets` of both sensors: the private ranges and the IPv6 ULA pilot.
    private static func isLocal(_ address: String) -> Bool {
        (PublishedRule.internalSources + [AddressBlock("fd00::/8")]).contains { $0.contains(address) }
    }
}

private extension ZeekValue {
    /// The string content, for the ECS `network.protocol` of a conn row.
    var text: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
