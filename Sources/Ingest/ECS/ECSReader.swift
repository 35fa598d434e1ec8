import Detection
import Foundation

/// Reads Elastic ECS NDJSON: Packetbeat `flow` and Agent `network_traffic.flow` documents,
/// Filebeat output, or any Elasticsearch export, one JSON object per line.
///
/// Keys may be nested, dotted or mixed; a search-hit envelope's `_source` is read as the document.
/// `source.ip`/`destination.ip` may be arrays (tunnels), ports and counters numbers or numeric
/// strings, `event.category` a string (early Packetbeat's `network_traffic`) or an array. The flow
/// id comes from `flow.id` or, under Agent's ECS compatibility pipeline, `network_traffic.flow.id`.
///
/// Packetbeat reports a long flow several times (every `period`) with **cumulative** counters; each
/// intermediate report (`flow.final: false`) is emitted as its own event with
/// `isFinalReport == false`. The store upserts events per flow id, so the last report's counters win.
/// `event.ingested` is ignored: smbtriage stamps its own ingest time.
public struct ECSReader: LineReader, StatelessLineReader {
    public static let format = LogFormat.ecs

    private var object = FlatJSONObject()
    private let topLevelKeys = ECSFieldKeys.topLevel
    private let searchHitKeys = ECSFieldKeys.searchHit
    /// The transport-case warning, once raised; nil until then and after it is taken.
    private var transportWarning: String?
    private var hasWarnedOfTransport = false

    public init(options: ReaderOptions) {}

    /// The warning about a `network.transport` that is not lowercase, once per reader: ECS keeps
    /// it lowercase, KQL on a keyword is case-sensitive, and so the published rule's
    /// `network.transport:tcp` never matches `TCP`. The value is kept as written, as Elasticsearch
    /// would hold it.
    public mutating func takeWarning() -> String? {
        defer { transportWarning = nil }
        return transportWarning
    }

    private mutating func checkTransportCase(isSearchHit: Bool) {
        guard !hasWarnedOfTransport else { return }
        let key = isSearchHit ? searchHitKeys.transport : topLevelKeys.transport
        // Looks at the bytes first: most documents are lowercase, and they need no string.
        let hasCapital = object.withFirstValue(key) { bytes, _ in
            bytes.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        }
        guard hasCapital == true, let transport = object.string(key) else { return }
        hasWarnedOfTransport = true
        transportWarning = "network.transport '\(transport.prefix(32))' is not lowercase as ECS requires; "
            + "the published rule never matches it"
    }

    public mutating func read(line: LineBytes, number: Int) -> LineOutcome {
        switch parse(line) {
        case .finished(let outcome):
            return outcome
        case .document(let isSearchHit):
            checkTransportCase(isSearchHit: isSearchHit)
            do throws(FieldRejection) {
                return .event(isSearchHit ? try Self.event(from: object, keys: searchHitKeys)
                                          : try Self.event(from: object, keys: topLevelKeys))
            } catch {
                return .rejected(reason: error.reason)
            }
        }
    }

    /// Checks every field of an event that is not SMB, as `read` would, but builds no strings or
    /// arrays for it: most flows are not SMB.
    public mutating func readKeepingSMB(line: LineBytes, number: Int) -> LineOutcome? {
        switch parse(line) {
        case .finished(let outcome):
            return outcome
        case .document(let isSearchHit):
            checkTransportCase(isSearchHit: isSearchHit)
            do throws(FieldRejection) {
                let event = isSearchHit ? try Self.smbEvent(from: object, keys: searchHitKeys)
                                        : try Self.smbEvent(from: object, keys: topLevelKeys)
                return event.map(LineOutcome.event)
            } catch {
                return .rejected(reason: error.reason)
            }
        }
    }

    /// A line parsed into `object`: a document (a search hit's when its network fields are under
    /// `_source`), or the line's outcome when it holds no document to map.
    private enum ParsedLine {
        case document(isSearchHit: Bool)
        case finished(LineOutcome)
    }

    private mutating func parse(_ line: LineBytes) -> ParsedLine {
        if line.allSatisfy(Self.isWhitespace) { return .finished(.structural) }
        do throws(JSONSyntaxError) {
            try object.reparse(line)
        } catch {
            return .finished(.rejected(reason: error.description))
        }
        if object.contains(topLevelKeys.sourceIP) || object.contains(topLevelKeys.destinationIP) {
            return .document(isSearchHit: false)
        }
        if object.contains(searchHitKeys.sourceIP) || object.contains(searchHitKeys.destinationIP) {
            return .document(isSearchHit: true)
        }
        if object.contains(topLevelKeys.legacyDestinationIP) || object.contains(topLevelKeys.legacyFlowID) {
            return .finished(.rejected(reason: "pre-ECS Packetbeat 6.x flow (flow_id, dest.*) is not supported; "
                + "export it with Packetbeat 7 or later"))
        }
        if Self.isForeign(object) {
            return .finished(.rejected(reason: "a Zeek or Suricata record (id.orig_h, _path or src_ip), not an ECS document"))
        }
        return .finished(.skipped(reason: "no source.ip or destination.ip: not a network event"))
    }

    /// Maps the whole document.
    static func event(from object: FlatJSONObject, keys: borrowing ECSFieldKeys) throws(FieldRejection) -> NetworkEvent {
        try event(from: object, keys: keys, scalars: ECSScalarFields(object, keys: keys))
    }

    /// Maps the document when it is SMB; otherwise only checks it (the same fields reject it, in
    /// the same order) and returns nil.
    static func smbEvent(from object: FlatJSONObject, keys: borrowing ECSFieldKeys) throws(FieldRejection) -> NetworkEvent? {
        let scalars = try ECSScalarFields(object, keys: keys)
        guard scalars.isSMB else {
            try object.validateIPAddresses(keys.sourceIP)
            try object.validateIPAddresses(keys.destinationIP)
            return nil
        }
        return try event(from: object, keys: keys, scalars: scalars)
    }

    private static func event(
        from object: FlatJSONObject, keys: borrowing ECSFieldKeys, scalars: ECSScalarFields
    ) throws(FieldRejection) -> NetworkEvent {
        NetworkEvent(
            timestamp: scalars.timestamp, start: scalars.start, end: scalars.end,
            durationNanoseconds: scalars.durationNanoseconds,
            dataset: object.string(keys.dataset),
            module: object.string(keys.module),
            categories: object.strings(keys.category),
            types: object.strings(keys.type),
            action: object.string(keys.action),
            outcome: object.string(keys.outcome),
            code: object.string(keys.code),
            sourceIPs: try object.ipAddresses(keys.sourceIP),
            sourcePort: scalars.sourcePort, sourceBytes: scalars.sourceBytes, sourcePackets: scalars.sourcePackets,
            sourceDomain: object.string(keys.sourceDomain),
            destinationIPs: try object.ipAddresses(keys.destinationIP),
            destinationPort: scalars.destinationPort, destinationBytes: scalars.destinationBytes,
            destinationPackets: scalars.destinationPackets,
            destinationDomain: object.string(keys.destinationDomain),
            transport: object.string(keys.transport), applicationProtocol: object.string(keys.networkProtocol),
            direction: object.string(keys.direction),
            communityID: object.string(keys.communityID),
            flowID: object.string(keys.flowID) ?? object.string(keys.agentFlowID),
            isFinalReport: scalars.isFinalReport,
            observerHostName: object.string(keys.hostName),
            processExecutable: object.string(keys.processExecutable),
            processID: scalars.processID,
            userName: object.string(keys.userName),
            userDomain: object.string(keys.userDomain)
        )
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
