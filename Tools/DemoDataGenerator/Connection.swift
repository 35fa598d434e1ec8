/// One network connection of the story, described once; every sensor that saw it writes it in its
/// own format. Byte counts are application payload; each writer adds the header overhead its
/// producer counts.
struct Connection {
    var client: Endpoint
    var server: Endpoint
    var transport: Transport
    var application: Application
    var start: Timestamp
    /// Seconds from the first to the last packet.
    var duration: Double
    var clientBytes: Int64
    var serverBytes: Int64
    var clientPackets: Int64
    var serverPackets: Int64
    var outcome: Outcome
    /// The server's DNS name, written where a format has one (Sysmon `DestinationHostname`).
    var serverName: String?
    /// The sensors that logged this connection.
    var sensors: Set<Sensor>
    /// The process that opened it, for Sysmon.
    var process: ProcessInfo?
    /// SMB tree connects and file actions, for Zeek `smb_*` logs and Suricata `smb` events.
    var shareActivity: ShareActivity?
    /// What the edge firewall did (only when `sensors` holds `.panos`).
    var firewallAction: FirewallAction = .allow
    var ids: ConnectionIDs

    var end: Timestamp { start.adding(seconds: duration) }
    var isIPv6: Bool { client.address.contains(":") }
}

/// An address and port.
struct Endpoint {
    var address: String
    var port: Int
}

enum Transport: String {
    case tcp, udp
}

/// The application protocol spoken, as far as sensors could tell.
enum Application {
    case smb, dns, https
}

/// How the connection went.
enum Outcome {
    /// Handshake, data both ways, orderly close.
    case completed
    /// SYNs only, never answered (`retries` retransmissions after the first).
    case unanswered(retries: Int)
}

/// Where a connection was seen.
enum Sensor: Hashable {
    /// Packetbeat on the HQ core switch span port.
    case packetbeat
    /// Elastic Agent's network_traffic integration in the lab.
    case elasticAgent
    /// Zeek at HQ (TSV logs).
    case zeekHQ
    /// Zeek at the branch office (JSON logs).
    case zeekBranch
    /// Suricata at HQ.
    case suricata
    /// The PAN-OS edge firewall.
    case panos
    /// Sysmon on the client, shipped by Winlogbeat 7.
    case winlogbeat
    /// Sysmon on the client, shipped by NXLog as flat JSON.
    case nxlog
}

/// A Windows process, for Sysmon event 3.
struct ProcessInfo {
    var image: String
    var processID: Int
    var guid: String
    var user: String
    /// The logging computer's name (Sysmon `SourceHostname` when it initiated the connection).
    var hostName: String
    /// Sysmon `Initiated`: false when the logging computer accepted the connection.
    var initiated = true
}

/// The SMB share a connection used and the files it touched.
struct ShareActivity {
    var share: String
    var serverName: String
    var files: [String]
    var fileIDs: [String]
}

/// PAN-OS session verdicts the story uses.
enum FirewallAction: String {
    case allow, drop, deny
}

/// Identifiers each sensor assigns, drawn once so every writer is a pure function of the story.
struct ConnectionIDs {
    var zeekUID: String
    var packetbeatFlowID: String
    var suricataFlowID: UInt64
    var panosSessionID: Int
    var sysmonRecordID: Int
}
