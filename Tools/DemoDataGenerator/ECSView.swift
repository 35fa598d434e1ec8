/// The ECS fields a record maps to (the way Elastic's integrations and smbtriage's readers map it),
/// as far as the counts need them.
struct ECSView {
    var categories: [String]
    var dataset: String
    var transport: String
    var sourceIPs: [String]
    var sourcePort: Int
    var destinationIPs: [String]
    var destinationPort: Int
    /// `network.protocol` (Zeek service, Suricata `app_proto`, PAN-OS application, Sysmon port name).
    var applicationProtocol: String?
    /// Packetbeat `flow.id` (or `network_traffic.flow.id`): the reports of one flow collapse into one
    /// stored event, the latest report replacing the earlier ones.
    var packetbeatFlowID: String?
    /// The client's host name when the record carries one (Sysmon `SourceHostname`).
    var sourceHostName: String?

    /// `NetworkEvent.isSMB`: TCP with 139/445 on either side, a Zeek SMB log, or an SMB protocol name.
    var isSMB: Bool {
        let smbPorts: Set = [139, 445]
        if transport == "tcp", smbPorts.contains(destinationPort) || smbPorts.contains(sourcePort) { return true }
        if dataset.hasPrefix("zeek.smb") { return true }
        return applicationProtocol?.lowercased().contains("smb") ?? false
    }
}
