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

    /// Decodes one value, known to be set and already unescaped, into the event. `text` builds
    /// the value's string; it is called only for the string fields.
    @inline(__always)
    mutating func assign(
        _ field: ZeekField, bytes: UnsafeBufferPointer<UInt8>, text: () -> String,
        into event: inout NetworkEvent, addresses: inout AddressArrayCache
    ) throws(FieldRejection) {
        func failure(_ expectation: String) -> FieldRejection {
            .invalid(field.name, bytes, expected: expectation)
        }
        let isConnection = logType == .connection
        switch field {
        case .timestamp:
            guard let date = ZeekValue.time(bytes) else { throw failure("a time") }
            event.timestamp = date
        case .originHost:
            guard let address = ZeekValue.address(bytes) else { throw failure("an IP address") }
            event.sourceIPs = addresses.array(for: address)
        case .responderHost:
            guard let address = ZeekValue.address(bytes) else { throw failure("an IP address") }
            event.destinationIPs = addresses.array(for: address)
        case .originPort:
            guard let port = ZeekValue.port(bytes) else { throw failure("a port") }
            event.sourcePort = port
        case .responderPort:
            guard let port = ZeekValue.port(bytes) else { throw failure("a port") }
            event.destinationPort = port
        case .uid: event.flowID = text()
        case .communityID: event.communityID = text()
        case .action: if logType == .smbFiles { event.action = text() }
        case .duration, .originPackets, .originIPBytes, .responderPackets, .responderIPBytes,
             .transportProtocol, .service, .connectionState, .localOrigin, .localResponder:
            if isConnection {
                try assignConnectionField(field, bytes: bytes, text: text, failure: failure, into: &event)
            }
        }
    }

    @inline(__always)
    private mutating func assignConnectionField(
        _ field: ZeekField, bytes: UnsafeBufferPointer<UInt8>, text: () -> String,
        failure: (String) -> FieldRejection, into event: inout NetworkEvent
    ) throws(FieldRejection) {
        switch field {
        case .duration:
            guard let duration = DecimalSeconds(ascii: bytes)?.totalNanoseconds else { throw failure("a duration") }
            event.durationNanoseconds = duration
        case .originPackets, .originIPBytes, .responderPackets, .responderIPBytes:
            guard let count = NumericText.plainInteger(bytes), count >= 0 else { throw failure("a count") }
            switch field {
            case .originPackets: event.sourcePackets = count
            case .originIPBytes: event.sourceBytes = count
            case .responderPackets: event.destinationPackets = count
            default: event.destinationBytes = count
            }
        case .localOrigin, .localResponder:
            guard let flag = ZeekValue.boolean(bytes) else { throw failure("a boolean") }
            if field == .localOrigin { localOrigin = flag } else { localResponder = flag }
        case .transportProtocol: event.transport = ZeekVocabulary.transports.word(bytes) ?? text()
        case .service: event.applicationProtocol = ZeekVocabulary.services.word(bytes) ?? text()
        case .connectionState: event.connectionState = ZeekVocabulary.connectionStates.word(bytes) ?? text()
        default: break
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
