import Detection
import Foundation

/// One set value of a mapped Zeek column, decoded and checked as the mapping requires. Building
/// an event (`ZeekRecordMapper.assign`) and checking a row without building it
/// (`ZeekSMBEvidence.note`) both decode through here, so they reject the same values alike.
///
/// String columns carry no payload: nothing in them can be malformed, and their text is built
/// only where it is stored.
enum ZeekFieldValue {
    case timestamp(Date)
    case uid
    case originHost(IPAddress)
    case originPort(Int)
    case responderHost(IPAddress)
    case responderPort(Int)
    case transportProtocol
    case service
    case duration(nanoseconds: Int64)
    /// `orig_bytes` or `resp_bytes`: a count, checked and not mapped.
    case payloadBytes
    case originPackets(Int64)
    case originIPBytes(Int64)
    case responderPackets(Int64)
    case responderIPBytes(Int64)
    case connectionState
    case localOrigin(Bool)
    case localResponder(Bool)
    case communityID
    case action

    /// The value of `field` in a record of `logType`; nil when that log maps nothing from the
    /// column (`conn`-only columns in an smb log, `action` outside smb_files), which is then not
    /// checked either.
    @inline(__always)
    init?(_ field: ZeekField, bytes: LineBytes, logType: ZeekLogType) throws(FieldRejection) {
        guard Self.maps(field, in: logType) else { return nil }
        func failure(_ expectation: String) -> FieldRejection {
            .invalid(field.name, bytes, expected: expectation)
        }
        func count() throws(FieldRejection) -> Int64 {
            guard let count = bytes.withSpan(NumericText.plainInteger), count >= 0 else { throw failure("a count") }
            return count
        }
        func flag() throws(FieldRejection) -> Bool {
            guard let flag = bytes.withSpan(ZeekValue.boolean) else { throw failure("a boolean") }
            return flag
        }
        func address() throws(FieldRejection) -> IPAddress {
            guard let address = ZeekValue.address(bytes) else { throw failure("an IP address") }
            return address
        }
        func port() throws(FieldRejection) -> Int {
            guard let port = bytes.withSpan(ZeekValue.port) else { throw failure("a port") }
            return port
        }
        switch field {
        case .timestamp:
            guard let date = ZeekValue.time(bytes) else { throw failure("a time") }
            self = .timestamp(date)
        case .originHost: self = .originHost(try address())
        case .responderHost: self = .responderHost(try address())
        case .originPort: self = .originPort(try port())
        case .responderPort: self = .responderPort(try port())
        case .duration:
            guard let duration = bytes.withSpan(DecimalSeconds.init(ascii:))?.totalNanoseconds else { throw failure("a duration") }
            self = .duration(nanoseconds: duration)
        case .originPayloadBytes, .responderPayloadBytes:
            _ = try count()
            self = .payloadBytes
        case .originPackets: self = .originPackets(try count())
        case .originIPBytes: self = .originIPBytes(try count())
        case .responderPackets: self = .responderPackets(try count())
        case .responderIPBytes: self = .responderIPBytes(try count())
        case .localOrigin: self = .localOrigin(try flag())
        case .localResponder: self = .localResponder(try flag())
        case .uid: self = .uid
        case .transportProtocol: self = .transportProtocol
        case .service: self = .service
        case .connectionState: self = .connectionState
        case .communityID: self = .communityID
        case .action: self = .action
        }
    }

    /// False for the columns only conn.log maps, in other logs, and for `action` outside smb_files.
    @inline(__always)
    private static func maps(_ field: ZeekField, in logType: ZeekLogType) -> Bool {
        switch field {
        case .timestamp, .uid, .originHost, .originPort, .responderHost, .responderPort, .communityID: true
        case .action: logType == .smbFiles
        case .duration, .originPayloadBytes, .responderPayloadBytes, .originPackets, .originIPBytes,
             .responderPackets, .responderIPBytes, .transportProtocol, .service, .connectionState,
             .localOrigin, .localResponder: logType == .connection
        }
    }
}
