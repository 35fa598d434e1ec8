/// Writes Sysmon events as Winlogbeat 7.17 publishes them: the ECS fields its sysmon module adds
/// client-side, and the raw `winlog.event_data` strings beside them.
enum WinlogbeatWriter {
    private static let providerGuid = "{5770385f-c22a-43e0-bf4c-06f5698ffbd9}"

    static func file(_ story: Story) -> DemoFile {
        var records: [DemoRecord] = []
        for connection in story.connections where connection.sensors.contains(.winlogbeat) {
            guard let process = connection.process else { continue }
            let document = networkConnect(connection, process: process)
            records.append(DemoRecord(
                time: connection.start, line: document.serialized,
                event: SysmonEventData.ecsView(connection, process: process)
            ))
        }
        for start in story.processStarts where start.sensor == .winlogbeat {
            records.append(DemoRecord(time: start.time, line: processCreate(start).serialized, event: nil))
        }
        return DemoFile(
            path: "sysmon/winlogbeat.ndjson", format: "sysmon",
            summary: "Sysmon events 3 (and 1, skipped) from Winlogbeat 7.17 with ECS fields and `winlog.event_data`",
            records: records
        )
    }

    private static func networkConnect(_ connection: Connection, process: ProcessInfo) -> JSONValue {
        let data = SysmonEventData.networkConnect(connection, process: process)
        func endpoint(ip: String, port: Int, domain: String?) -> JSONValue {
            var members: [(String, JSONValue)] = [("ip", .string(ip)), ("port", .int(port))]
            if let domain, domain != "-" { members.append(("domain", .string(domain))) }
            return .object(members)
        }
        let initiated = process.initiated
        var members = envelope(
            time: connection.start, process: process, eventID: 3, recordID: connection.ids.sysmonRecordID, data: data,
            event: [
                ("code", .string("3")), ("kind", .string("event")), ("provider", .string("Microsoft-Windows-Sysmon")),
                ("action", .string("Network connection detected (rule: NetworkConnect)")),
                ("category", .array([.string("network")])),
                ("type", .array([.string("start"), .string("connection"), .string("protocol")])),
                ("module", .string("sysmon")),
            ]
        )
        members += [
            ("source", endpoint(
                ip: connection.client.address, port: connection.client.port, domain: initiated ? process.hostName : nil
            )),
            ("destination", endpoint(
                ip: connection.server.address, port: connection.server.port, domain: initiated ? connection.serverName : nil
            )),
            ("network", .object([
                ("transport", .string(connection.transport.rawValue)), ("direction", .string(initiated ? "egress" : "ingress")),
                ("type", .string(connection.isIPv6 ? "ipv6" : "ipv4")),
            ])),
        ]
        return .object(members + processAndUser(process))
    }

    private static func processCreate(_ start: ProcessStart) -> JSONValue {
        let members = envelope(
            time: start.time, process: start.process, eventID: 1, recordID: start.recordID,
            data: SysmonEventData.processCreate(start),
            event: [
                ("code", .string("1")), ("kind", .string("event")), ("provider", .string("Microsoft-Windows-Sysmon")),
                ("action", .string("Process Create (rule: ProcessCreate)")), ("category", .array([.string("process")])),
                ("type", .array([.string("start")])), ("module", .string("sysmon")),
            ]
        )
        return .object(members + processAndUser(start.process))
    }

    /// `@timestamp`, agent, host, event and winlog: what every Winlogbeat Sysmon document carries.
    private static func envelope(
        time: Timestamp, process: ProcessInfo, eventID: Int, recordID: Int, data: [(String, String)],
        event: [(String, JSONValue)]
    ) -> [(String, JSONValue)] {
        let shortName = String(process.hostName.prefix { $0 != "." })
        return [
            ("@timestamp", .string(time.iso8601Milliseconds)),
            ("agent", .object([
                ("type", .string("winlogbeat")), ("version", .string("7.17.25")),
                ("hostname", .string(shortName)), ("name", .string(shortName)),
            ])),
            ("ecs", .object([("version", .string("1.12.0"))])),
            ("host", .object([("name", .string(process.hostName)), ("hostname", .string(shortName))])),
            ("log", .object([("level", .string("information"))])),
            ("event", .object(event)),
            ("winlog", .object([
                ("channel", .string("Microsoft-Windows-Sysmon/Operational")), ("computer_name", .string(process.hostName)),
                ("event_id", .int(eventID)), ("provider_name", .string("Microsoft-Windows-Sysmon")),
                ("provider_guid", .string(providerGuid)), ("record_id", .int(recordID)), ("api", .string("wineventlog")),
                ("opcode", .string("Info")), ("version", .int(SysmonEventData.schemaVersion)),
                ("user", .object([
                    ("identifier", .string("S-1-5-18")), ("domain", .string("NT AUTHORITY")), ("name", .string("SYSTEM")),
                    ("type", .string("User")),
                ])),
                ("event_data", .object(data.map { ($0.0, .string($0.1)) })),
            ])),
        ]
    }

    private static func processAndUser(_ process: ProcessInfo) -> [(String, JSONValue)] {
        let executableName = process.image.split(separator: "\\").last.map(String.init) ?? process.image
        var members: [(String, JSONValue)] = [
            ("process", .object([
                ("entity_id", .string(process.guid)), ("pid", .int(process.processID)),
                ("executable", .string(process.image)), ("name", .string(executableName)),
            ])),
        ]
        if let user = SysmonEventData.splitUser(process.user) {
            members.append(("user", .object([("domain", .string(user.domain)), ("name", .string(user.name))])))
        }
        return members
    }
}
