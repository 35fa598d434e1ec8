import Detection

/// What `NetworkEvent.isSMB` reads of one Zeek record, and whether it has its `ts`, gathered
/// while the record's values are checked without building its event: most rows are not SMB.
struct ZeekSMBEvidence {
    private let logType: ZeekLogType
    private var transport: String?
    private var applicationProtocol: String?
    private var sourcePort: Int?
    private var destinationPort: Int?
    /// True once the record's `ts` is decoded; `ZeekRecordMapper.finish` rejects a record without.
    private(set) var hasTimestamp = false

    /// Evidence about one record of a log type smbtriage reads.
    init(logType: ZeekLogType) {
        self.logType = logType
    }

    /// Checks one value, known to be set, as `ZeekRecordMapper.assign` does, and keeps what
    /// `isSMB` reads of it. `text` builds the value's string, unescaped; it is called only for a
    /// `proto` or `service` value outside the shared vocabulary.
    @inline(__always)
    mutating func note(_ field: ZeekField, bytes: LineBytes, text: () -> String) throws(FieldRejection) {
        switch try ZeekFieldValue(field, bytes: bytes, logType: logType) {
        case .timestamp: hasTimestamp = true
        case .originPort(let port): sourcePort = port
        case .responderPort(let port): destinationPort = port
        case .transportProtocol: transport = bytes.withSpan { ZeekVocabulary.transports.string($0, text: text) }
        case .service: applicationProtocol = bytes.withSpan { ZeekVocabulary.services.string($0, text: text) }
        default: break
        }
    }

    /// `NetworkEvent.isSMB` of the event the record maps to. The smb logs' datasets
    /// (`zeek.smb_*`) make every record of theirs SMB and conn.log's never does, so only a conn.log
    /// record's values are looked at.
    var isSMB: Bool {
        logType != .connection || NetworkEvent.isSMB(
            transport: transport, sourcePort: sourcePort, destinationPort: destinationPort,
            dataset: nil, applicationProtocol: applicationProtocol
        )
    }
}
