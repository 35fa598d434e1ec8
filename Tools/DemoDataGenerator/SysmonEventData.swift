/// The EventData of the Sysmon events the story has, in Sysmon's own field order; Winlogbeat and
/// NXLog ship the same values in different envelopes.
enum SysmonEventData {
    /// Sysmon's schema version for events 1 and 3.
    static let schemaVersion = 5

    /// Event 3, NetworkConnect.
    static func networkConnect(_ connection: Connection, process: ProcessInfo) -> [(String, String)] {
        let initiated = process.initiated
        return [
            ("RuleName", "-"), ("UtcTime", connection.start.sysmonUtc), ("ProcessGuid", process.guid),
            ("ProcessId", String(process.processID)), ("Image", process.image), ("User", process.user),
            ("Protocol", connection.transport.rawValue), ("Initiated", initiated ? "true" : "false"),
            ("SourceIsIpv6", connection.isIPv6 ? "true" : "false"), ("SourceIp", connection.client.address),
            ("SourceHostname", initiated ? process.hostName : "-"), ("SourcePort", String(connection.client.port)),
            ("SourcePortName", portName(connection.client.port)),
            ("DestinationIsIpv6", connection.isIPv6 ? "true" : "false"), ("DestinationIp", connection.server.address),
            ("DestinationHostname", initiated ? connection.serverName ?? "-" : "-"),
            ("DestinationPort", String(connection.server.port)), ("DestinationPortName", portName(connection.server.port)),
        ]
    }

    /// Event 1, ProcessCreate (only the fields the demo needs).
    static func processCreate(_ start: ProcessStart) -> [(String, String)] {
        [
            ("RuleName", "-"), ("UtcTime", start.time.sysmonUtc), ("ProcessGuid", start.process.guid),
            ("ProcessId", String(start.process.processID)), ("Image", start.process.image),
            ("CommandLine", start.commandLine), ("CurrentDirectory", "C:\\Windows\\system32\\"),
            ("User", start.process.user), ("IntegrityLevel", "Medium"), ("ParentImage", start.parentImage),
        ]
    }

    /// Sysmon's port names for the ports the story uses.
    private static func portName(_ port: Int) -> String {
        switch port {
        case 445: "microsoft-ds"
        case 139: "netbios-ssn"
        default: "-"
        }
    }

    /// The ECS view of an event 3, as Elastic's sysmon_operational pipeline maps it.
    static func ecsView(_ connection: Connection, process: ProcessInfo) -> ECSView {
        let portNames = [portName(connection.server.port), portName(connection.client.port)]
        var view = connection.ecsView(
            dataset: "windows.sysmon_operational", applicationProtocol: portNames.first { $0 != "-" }
        )
        view.sourceHostName = process.initiated ? process.hostName : nil
        return view
    }

    /// `DOMAIN\name` split the way the pipelines split it.
    static func splitUser(_ user: String) -> (domain: String, name: String)? {
        let parts = user.split(separator: "\\", maxSplits: 1)
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }
}
