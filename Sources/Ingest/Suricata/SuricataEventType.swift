/// What Elastic's suricata pipeline sets from an eve `event_type` (its `params` table): the
/// categories, the event types and the `network.protocol` the type implies.
struct SuricataEventType {
    /// `event.category`: `network`, plus `intrusion_detection` for `alert`, `web` for `http`/`http2`.
    let categories: [String]
    /// `event.type`: `connection` for `flow`, `protocol` for protocol logs (`access` too for HTTP).
    let types: [String]
    /// `network.protocol` the type names (`app_proto`, when present, overrides it).
    let networkProtocol: String?
    /// True for `flow`, whose `flow.state` is the connection's state.
    let isFlow: Bool
    /// True for the types this reader always read (`flow`, `smb`): one without addresses is malformed,
    /// not skipped.
    let requiresAddresses: Bool

    private static let network = ["network"]

    /// The mapping of a lowercased `event_type`.
    init(_ name: String) {
        isFlow = name == "flow"
        requiresAddresses = isFlow || name == "smb"
        switch name {
        case "alert":
            (categories, types, networkProtocol) = (["network", "intrusion_detection"], [], nil)
        case "flow":
            (categories, types, networkProtocol) = (Self.network, ["connection"], nil)
        case "http", "http2":
            (categories, types, networkProtocol) = (["network", "web"], ["access", "protocol"], "http")
        case "dns", "ftp", "mqtt", "smb", "ssh", "tftp", "tls", "rdp":
            (categories, types, networkProtocol) = (Self.network, ["protocol"], name)
        case "ftp_data":
            (categories, types, networkProtocol) = (Self.network, ["protocol"], "ftp")
        case "rfb":
            (categories, types, networkProtocol) = (Self.network, ["protocol"], "rdp")
        default:
            (categories, types, networkProtocol) = (Self.network, [], nil)
        }
    }
}
