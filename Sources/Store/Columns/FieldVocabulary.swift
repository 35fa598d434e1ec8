/// The words `event.fields` (`EventFields`) stores as one small number instead of their text:
/// the values the readers give most often (datasets, modules, categories, types, actions,
/// transports, protocols, directions, states). A stored format: words may be appended, none
/// ever removed or moved.
enum FieldVocabulary {
    static let words = [
        // The first 64 take one byte: the values of the common flow records.
        // event.dataset, event.module
        "flow", "network_traffic.flow", "network_traffic", "zeek.connection", "zeek", "zeek.smb_files",
        "zeek.smb_mapping", "suricata.eve", "suricata", "panw.panos", "panw", "windows.sysmon_operational", "sysmon",
        // event.category, event.type
        "network", "file", "connection", "start", "end", "protocol", "info", "denied", "allowed", "deletion",
        // event.action, event.outcome, event.code
        "network_flow", "Network connection", "3", "success", "failure", "unknown", "allow", "deny", "drop",
        "flow_dropped", "flow_denied", "flow_terminated", "SMB::FILE_OPEN", "not-applicable",
        // network.transport, network.protocol, network.direction
        "tcp", "udp", "smb", "smb,gssapi", "gssapi", "gssapi,smb,krb", "microsoft-ds", "ms-ds-smbv3", "netbios-ssn",
        "egress", "ingress", "internal", "external", "inbound", "outbound",
        // connection states (Zeek conn_state, Suricata flow.state)
        "S0", "S1", "SF", "REJ", "RSTO", "RSTR", "SH", "OTH", "new", "established", "closed",
        // Rarer values: two bytes each.
        "zeek.smb_cmd", "intrusion_detection", "access", "alert", "SMB::FILE_DELETE", "icmp", "ms-ds-smbv2",
        "ms-ds-smb", "S2", "S3", "RSTOS0", "RSTRH", "SHR", "reset-both", "reset-client", "reset-server", "bypassed",
        "threat",
    ]

    /// Each word's index in `words`.
    static let index: [String: Int] = Dictionary(words.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
}
