import Detection
import Foundation

/// Maps one Zeek record to ECS the way Elastic's zeek integration does
/// (`packages/zeek/data_stream/*/elasticsearch/ingest_pipeline/default.yml`), value by value as a
/// reader decodes them. Both Zeek readers, TSV and JSON, share this one mapping.
///
/// It writes straight into the caller's `NetworkEvent` (no intermediate record, no copy of the
/// event), which keeps a conn.log row at one string allocated, plus the address arrays of
/// addresses not seen recently (`AddressArrayCache`).
struct ZeekRecordMapper {
    private let logType: ZeekLogType
    private var localOrigin: Bool?
    private var localResponder: Bool?

    /// A mapper for one record of a log type smbtriage reads.
    init(logType: ZeekLogType) {
        self.logType = logType
    }

    /// The event before any value is decoded: what the log type alone decides.
    var template: NetworkEvent {
        switch logType {
        case .connection: Self.connectionTemplate
        case .smbFiles: Self.smbFilesTemplate
        case .smbMapping: Self.smbMappingTemplate
        case .smbCommand: Self.smbCommandTemplate
        }
    }

    /// Decodes one value, known to be set, into the event (`ZeekFieldValue` checks it). `text`
    /// builds the value's string, unescaped; it is called only for the string fields.
    @inline(__always)
    mutating func assign(
        _ field: ZeekField, bytes: LineBytes, text: () -> String,
        into event: inout NetworkEvent, addresses: inout AddressArrayCache
    ) throws(FieldRejection) {
        guard let value = try ZeekFieldValue(field, bytes: bytes, logType: logType) else { return }
        switch value {
        case .timestamp(let date): event.timestamp = date
        case .originHost(let address): event.sourceIPs = addresses.array(for: address)
        case .responderHost(let address): event.destinationIPs = addresses.array(for: address)
        case .originPort(let port): event.sourcePort = port
        case .responderPort(let port): event.destinationPort = port
        case .duration(let nanoseconds): event.durationNanoseconds = nanoseconds
        case .payloadBytes: break
        case .originPackets(let count): event.sourcePackets = count
        case .originIPBytes(let count): event.sourceBytes = count
        case .responderPackets(let count): event.destinationPackets = count
        case .responderIPBytes(let count): event.destinationBytes = count
        case .localOrigin(let flag): localOrigin = flag
        case .localResponder(let flag): localResponder = flag
        case .uid: event.flowID = text()
        case .communityID: event.communityID = text()
        case .action: event.action = text()
        case .transportProtocol: event.transport = bytes.withSpan { ZeekVocabulary.transports.string($0, text: text) }
        case .service: event.applicationProtocol = bytes.withSpan { ZeekVocabulary.services.string($0, text: text) }
        case .connectionState: event.connectionState = bytes.withSpan { ZeekVocabulary.connectionStates.string($0, text: text) }
        }
    }

    /// Completes the event from the values decoded; false when the record had no `ts` (Elastic
    /// drops those).
    func finish(_ event: inout NetworkEvent) -> Bool {
        guard event.timestamp != nil else { return false }
        switch logType {
        case .connection:
            event.types = Self.connectionTypes(event.connectionState)
            event.direction = Self.direction(localOrigin: localOrigin, localResponder: localResponder)
        case .smbFiles:
            event.types = Self.fileTypes(event.action)
        case .smbMapping, .smbCommand:
            break
        }
        return true
    }

    private static let network = ["network"]
    private static let protocolTypes = ["connection", "protocol"]
    private static let startedTypes = ["connection", "start"]
    private static let completedTypes = ["connection", "start", "end"]
    private static let rejectedTypes = ["connection", "start", "denied"]
    private static let otherStateTypes = ["connection", "info"]
    private static let deletionTypes = protocolTypes + ["deletion"]
    private static let changeTypes = protocolTypes + ["change"]
    private static let fileInfoTypes = protocolTypes + ["info"]

    private static let connectionTemplate = NetworkEvent(dataset: ZeekLogType.connection.dataset, module: "zeek", categories: network)
    private static let smbFilesTemplate = NetworkEvent(
        dataset: ZeekLogType.smbFiles.dataset, module: "zeek", categories: ["network", "file"],
        transport: "tcp", applicationProtocol: "smb"
    )

    private static let smbMappingTemplate = smbTemplate(dataset: ZeekLogType.smbMapping.dataset)
    private static let smbCommandTemplate = smbTemplate(dataset: ZeekLogType.smbCommand.dataset)

    /// smb_mapping and smb_cmd: `network.transport` set to `tcp`, `network.protocol` to `smb`.
    private static func smbTemplate(dataset: String) -> NetworkEvent {
        NetworkEvent(
            dataset: dataset, module: "zeek", categories: network, types: protocolTypes,
            transport: "tcp", applicationProtocol: "smb"
        )
    }

    /// `event.type` from `conn_state`, per the integration's table; unknown states give none.
    /// (Shared constant arrays: a conn.log row allocates no type list.)
    static func connectionTypes(_ state: String?) -> [String] {
        switch state {
        case "SF": completedTypes
        case "S0", "S1": startedTypes
        case "REJ": rejectedTypes
        case "S2", "S3", "RSTO", "RSTR", "RSTOS0", "RSTRH", "SH", "SHR", "OTH": otherStateTypes
        default: []
        }
    }

    /// `event.type` of an smb_files record: what the file action did.
    static func fileTypes(_ action: String?) -> [String] {
        switch action {
        case "SMB::FILE_DELETE": deletionTypes
        case "SMB::FILE_RENAME", "SMB::FILE_SET_ATTRIBUTE": changeTypes
        default: fileInfoTypes
        }
    }

    /// `network.direction` from `local_orig` / `local_resp`, only when both are logged.
    static func direction(localOrigin: Bool?, localResponder: Bool?) -> String? {
        guard let localOrigin, let localResponder else { return nil }
        switch (localOrigin, localResponder) {
        case (true, true): return "internal"
        case (true, false): return "outbound"
        case (false, true): return "inbound"
        case (false, false): return "external"
        }
    }
}
