/// `event.dataset` values that Elastic integrations and Beats actually emit for network events,
/// so a query naming any other value can be flagged as inert.
enum KnownDatasets {
    static let all: Set<String> = [
        "network_traffic.flow", "network_traffic.dns", "network_traffic.http", "network_traffic.tls",
        "network_traffic.icmp", "network_traffic.dhcpv4",
        "zeek.connection", "zeek.dce_rpc", "zeek.dns", "zeek.files", "zeek.http", "zeek.kerberos",
        "zeek.notice", "zeek.ntlm", "zeek.smb_cmd", "zeek.smb_files", "zeek.smb_mapping", "zeek.ssl",
        "zeek.weird", "zeek.x509",
        "suricata.eve", "panw.panos", "windows.sysmon_operational", "endpoint.events.network",
        "system.security", "auditd.log",
    ]

    /// The real Zeek SMB datasets, named in the note about `zeek.smb`.
    static var zeekSMB: [String] { all.filter { $0.hasPrefix("zeek.smb") }.sorted() }
}
