import Foundation

/// Writes PAN-OS 9.1 TRAFFIC logs as the edge firewall forwards them over syslog: a BSD syslog
/// header, then the comma-separated fields in the documented order (fields with a comma quoted,
/// the SD-WAN link-switch list brace-wrapped and not). The firewall's clock runs on UTC.
enum PANOSWriter {
    private static let device = "PA-3220"
    private static let serial = "013201009876"
    private static let egressAddress = "203.0.113.10"

    private struct Policy {
        var name: String
        var uuid: String
    }

    private static let cloudPolicy = Policy(name: "allow-azure-files", uuid: "8c2f6a1e-4b7d-4e0a-9a51-2d6e1f3c7b90")
    private static let legacyPolicy = Policy(name: "finance-outbound-legacy", uuid: "1d9e4c2a-7f3b-4a68-b0c5-93e2a7d41f06")
    private static let denyPolicy = Policy(name: "deny-outbound-smb", uuid: "e47b0d35-2c91-4f8e-a6d2-5b8c1e9f0a23")

    /// The firewall's User-ID mappings (address to user) for the hosts whose users it knows.
    private static let userID = [
        "10.20.3.47": "corp\\m.keller", "10.20.8.113": "corp\\t.okafor", "10.20.5.20": "corp\\svc-backup",
    ]

    static func file(_ story: Story) -> DemoFile {
        let connections = story.connections.filter { $0.sensors.contains(.panos) }
        let records = connections.enumerated().map { sequence, connection in
            let logged = connection.firewallAction == .allow ? connection.end.adding(seconds: 1) : connection.start
            let fields = self.fields(connection, logged: logged, sequence: sequence)
            let line = "<14>\(logged.syslog) \(device) " + fields.map(quotedIfNeeded).joined(separator: ",")
            var event = connection.ecsView(dataset: "panw.panos", applicationProtocol: fields[14])
            event.transport = "tcp"
            return DemoRecord(time: logged, line: line, event: event)
        }
        return DemoFile(
            path: "panos/traffic.log", format: "panos",
            summary: "PAN-OS 9.1 TRAFFIC CSV from the edge firewall, with syslog headers (allow, drop, deny)",
            records: records
        )
    }

    /// Fields 1–75 of the 9.1 TRAFFIC layout (FORMATS.md §5), 0-based here.
    private static func fields(_ connection: Connection, logged: Timestamp, sequence: Int) -> [String] {
        let allowed = connection.firewallAction == .allow
        let fromBranch = connection.client.address.hasPrefix("172.16.")
        let policy = !allowed ? denyPolicy
            : connection.server.address == StoryBuilder.cloudShare.address ? cloudPolicy : legacyPolicy
        let user = userID[connection.client.address] ?? ""
        let sent = connection.clientIPBytes
        let received = allowed ? connection.serverIPBytes : 0
        let packetsReceived = allowed ? connection.serverPackets : 0
        let natPort = allowed ? String(20_000 + connection.client.port % 40_000) : "0"
        let sdwan = fromBranch
            ? ["{ethernet1/3, ethernet1/4}", "branch-cluster", "branch", "mesh", "BR-01"]
            : ["", "", "", "", ""]
        return [
            "1", logged.panos, serial, "TRAFFIC", allowed ? "end" : connection.firewallAction.rawValue, "2561",
            logged.panos, connection.client.address, connection.server.address,
            allowed ? egressAddress : "0.0.0.0", allowed ? connection.server.address : "0.0.0.0",
            policy.name, user, "", allowed ? "ms-ds-smbv3" : "not-applicable", "vsys1",
            fromBranch ? "vpn-branch" : "trust", "untrust", fromBranch ? "tunnel.10" : "ethernet1/2", "ethernet1/1",
            "siem-forward", logged.panos, String(connection.ids.panosSessionID), "1",
            String(connection.client.port), String(connection.server.port), natPort, allowed ? "445" : "0",
            allowed ? "0x400064" : "0x0", "tcp", connection.firewallAction.rawValue,
            String(sent + received), String(sent), String(received), String(connection.clientPackets + packetsReceived),
            connection.start.panos, String(Int(connection.duration.rounded())), "any", "0",
            String(7_203_114_882 + sequence * 3), "0x0",
            fromBranch ? "172.16.0.0-172.31.255.255" : "10.0.0.0-10.255.255.255", country(of: connection.server.address),
            "0", String(connection.clientPackets), String(packetsReceived), allowed ? "tcp-fin" : "policy-deny",
            "0", "0", "0", "0", "", device, "from-policy", "", "", "0", "", "0", "", "N/A", "0", "0", "0", "0",
            policy.uuid, "0", "0", "",
        ] + sdwan + [""]
    }

    /// The destination's country as the firewall's geo database names it (fixed per address).
    private static func country(of address: String) -> String {
        switch address {
        case StoryBuilder.cloudShare.address: "Netherlands"
        case StoryBuilder.exfiltrationTarget: "Russian Federation"
        default: StoryBuilder.countries[address.utf8.reduce(0) { $0 + Int($1) } % StoryBuilder.countries.count]
        }
    }

    /// CSV quoting as PAN-OS does it: a field with a comma or quote is wrapped in quotes. The
    /// brace-wrapped link-switch list is the exception PAN-OS leaves bare.
    private static func quotedIfNeeded(_ field: String) -> String {
        guard field.contains(",") || field.contains("\""), !field.hasPrefix("{") else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
