/// The ECS fields a query or an exception entry may name, with their Elasticsearch type.
/// `NetworkEvent` holds each of them (see `ECSField+EventAccess`).
public enum ECSField: String, CaseIterable, Hashable, Sendable {
    case sourceIP = "source.ip"
    case destinationIP = "destination.ip"
    case sourcePort = "source.port"
    case destinationPort = "destination.port"
    case sourceBytes = "source.bytes"
    case destinationBytes = "destination.bytes"
    case sourcePackets = "source.packets"
    case destinationPackets = "destination.packets"
    case processPID = "process.pid"
    case eventDataset = "event.dataset"
    case eventModule = "event.module"
    case eventCategory = "event.category"
    case eventType = "event.type"
    case eventAction = "event.action"
    case eventOutcome = "event.outcome"
    case eventCode = "event.code"
    case networkTransport = "network.transport"
    case networkProtocol = "network.protocol"
    case networkDirection = "network.direction"
    case networkCommunityID = "network.community_id"
    case flowID = "flow.id"
    case hostName = "host.name"
    case sourceDomain = "source.domain"
    case destinationDomain = "destination.domain"
    case processExecutable = "process.executable"
    case userName = "user.name"
    case userDomain = "user.domain"

    /// The Elasticsearch mapping type, which decides how a value matches.
    public enum FieldType: String, Hashable, Sendable {
        /// An address; values are addresses or CIDR blocks.
        case ip
        /// An integer; values are numbers, quoted or not.
        case long
        /// Exact, case-sensitive text; unquoted values may use `*` wildcards.
        case keyword
    }

    /// The field's ECS name, e.g. `destination.ip`.
    public var name: String { rawValue }

    public var type: FieldType {
        switch self {
        case .sourceIP, .destinationIP: .ip
        case .sourcePort, .destinationPort, .sourceBytes, .destinationBytes, .sourcePackets,
             .destinationPackets, .processPID: .long
        default: .keyword
        }
    }

    /// The field with the ECS name `name`, or nil when smbtriage does not know it.
    public init?(name: String) {
        self.init(rawValue: name)
    }
}
