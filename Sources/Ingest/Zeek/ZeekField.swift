/// The Zeek columns smbtriage maps to ECS, and the payload byte counts it only checks (Elastic
/// keeps them as `zeek.connection.*_bytes`, numbers). Every other column is ignored.
enum ZeekField: CaseIterable, Sendable {
    case timestamp
    case uid
    case originHost
    case originPort
    case responderHost
    case responderPort
    case transportProtocol
    case service
    case duration
    case originPayloadBytes
    case responderPayloadBytes
    case originPackets
    case originIPBytes
    case responderPackets
    case responderIPBytes
    case connectionState
    case localOrigin
    case localResponder
    case communityID
    case action

    /// The column's name as `#fields` and `LogAscii::use_json` write it.
    var name: String {
        switch self {
        case .timestamp: "ts"
        case .uid: "uid"
        case .originHost: "id.orig_h"
        case .originPort: "id.orig_p"
        case .responderHost: "id.resp_h"
        case .responderPort: "id.resp_p"
        case .transportProtocol: "proto"
        case .service: "service"
        case .duration: "duration"
        case .originPayloadBytes: "orig_bytes"
        case .responderPayloadBytes: "resp_bytes"
        case .originPackets: "orig_pkts"
        case .originIPBytes: "orig_ip_bytes"
        case .responderPackets: "resp_pkts"
        case .responderIPBytes: "resp_ip_bytes"
        case .connectionState: "conn_state"
        case .localOrigin: "local_orig"
        case .localResponder: "local_resp"
        case .communityID: "community_id"
        case .action: "action"
        }
    }

    /// The name with dots as underscores (`id_orig_h`), as OTRF's `@stream` logs write it.
    var underscoredName: String { String(name.map { $0 == "." ? "_" : $0 }) }

    /// The field a column name denotes, in dotted or underscore form.
    init?(name: String) {
        guard let field = Self.byName[name] else { return nil }
        self = field
    }

    private static let byName: [String: ZeekField] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.name, $0) } + allCases.filter { $0.name.contains(".") }
            .map { ($0.underscoredName, $0) }
    )
}
