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

    public init(options: ReaderOptions) {}

    public mutating func read(line: UnsafeBufferPointer<UInt8>, number: Int) -> LineOutcome {
        if line.allSatisfy(Self.isWhitespace) { return .structural }
        do throws(JSONSyntaxError) {
            try object.reparse(line)
        } catch {
            return .rejected(reason: error.description)
        }
        guard let keys = Self.keys(for: object) else {
            if object.contains(ECSFieldKeys.topLevel.legacyDestinationIP)
                || object.contains(ECSFieldKeys.topLevel.legacyFlowID) {
                return .rejected(reason: "pre-ECS Packetbeat 6.x flow (flow_id, dest.*) is not supported; "
                    + "export it with Packetbeat 7 or later")
            }
            return .skipped(reason: "no source.ip or destination.ip: not a network event")
        }
        do throws(FieldRejection) {
            return .event(try Self.event(from: object, keys: keys))
        } catch {
            return .rejected(reason: error.reason)
        }
    }

    /// The key set whose network fields the object has: top-level, else under `_source`.
    static func keys(for object: FlatJSONObject) -> ECSFieldKeys? {
        let topLevel = ECSFieldKeys.topLevel
        if object.contains(topLevel.sourceIP) || object.contains(topLevel.destinationIP) { return topLevel }
        let searchHit = ECSFieldKeys.searchHit
        if object.contains(searchHit.sourceIP) || object.contains(searchHit.destinationIP) { return searchHit }
        return nil
    }

    static func event(from object: FlatJSONObject, keys: ECSFieldKeys) throws(FieldRejection) -> NetworkEvent {
        var isFinalReport = try object.flag(keys.flowFinal)
        if isFinalReport == nil { isFinalReport = try object.flag(keys.agentFlowFinal) }
        return NetworkEvent(
            timestamp: try object.timestamp(keys.timestamp),
            start: try object.timestamp(keys.eventStart),
            end: try object.timestamp(keys.eventEnd),
            durationNanoseconds: try object.count(keys.eventDuration),
            dataset: object.string(keys.dataset),
            module: object.string(keys.module),
            categories: object.strings(keys.category),
            types: object.strings(keys.type),
            action: object.string(keys.action),
            outcome: object.string(keys.outcome),
            code: object.string(keys.code),
            sourceIPs: try object.ipAddresses(keys.sourceIP),
            sourcePort: try object.port(keys.sourcePort),
            sourceBytes: try object.count(keys.sourceBytes),
            sourcePackets: try object.count(keys.sourcePackets),
            sourceDomain: object.string(keys.sourceDomain),
            destinationIPs: try object.ipAddresses(keys.destinationIP),
            destinationPort: try object.port(keys.destinationPort),
            destinationBytes: try object.count(keys.destinationBytes),
            destinationPackets: try object.count(keys.destinationPackets),
            destinationDomain: object.string(keys.destinationDomain),
            transport: object.lowercasedString(keys.transport),
            applicationProtocol: object.string(keys.networkProtocol),
            direction: object.string(keys.direction),
            communityID: object.string(keys.communityID),
            flowID: object.string(keys.flowID) ?? object.string(keys.agentFlowID),
            isFinalReport: isFinalReport,
            observerHostName: object.string(keys.hostName),
            processExecutable: object.string(keys.processExecutable),
            processID: try object.count(keys.processID).flatMap { Int(exactly: $0) },
            userName: object.string(keys.userName),
            userDomain: object.string(keys.userDomain)
        )
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
