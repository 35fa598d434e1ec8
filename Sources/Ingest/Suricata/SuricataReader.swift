import Detection
import Foundation

/// Reads Suricata's eve.json: `flow` and `smb` events, mapped as Elastic's suricata integration
/// maps them (`packages/suricata/data_stream/eve/elasticsearch/ingest_pipeline/default.yml`).
/// Other event types are skipped by type. `src_*` is the client (Suricata swaps reversed flows
/// before logging), so `flow.bytes_toserver` is what the client sent.
public struct SuricataReader: StatelessLineReader {
    public static let format = LogFormat.suricata

    private static let utc = TimeZone(identifier: "UTC")!
    private static let network = ["network"]
    private static let protocolTypes = ["protocol"]

    public init(options: ReaderOptions) {}

    /// The first JSON object has Suricata's `event_type` and `timestamp`.
    public static func recognizes(_ sample: [String]) -> Bool {
        for line in sample {
            guard let object = try? line.withASCIIBytes({ bytes throws(JSONSyntaxError) in
                try FlatJSONObject(parsing: bytes.droppingByteOrderMark)
            }) else { continue }
            return object.string("event_type") != nil && object.string("timestamp") != nil
        }
        return false
    }

    public mutating func read(line rawLine: UnsafeBufferPointer<UInt8>, number: Int) -> LineOutcome {
        let line = number == 1 ? rawLine.droppingByteOrderMark : rawLine
        if line.isBlank { return .structural }
        let eve: FlatJSONObject
        do {
            eve = try FlatJSONObject(parsing: line)
        } catch {
            return .rejected(reason: "suricata JSON: \(error)")
        }
        guard let eventType = eve.string("event_type")?.lowercased() else {
            return .rejected(reason: "suricata event has no event_type")
        }
        guard eventType == "flow" || eventType == "smb" else {
            return .skipped(reason: Self.skipReason(eventType: eventType))
        }
        do {
            return .event(try Self.event(eve, isFlow: eventType == "flow"))
        } catch {
            return .rejected(reason: error.reason)
        }
    }

    private static func event(_ eve: FlatJSONObject, isFlow: Bool) throws(FieldRejection) -> NetworkEvent {
        var event = NetworkEvent(dataset: "suricata.eve", module: "suricata", categories: network)
        event.timestamp = try time(eve, "timestamp", required: true)
        event.sourceIPs = [try address(eve, "src_ip")]
        event.destinationIPs = [try address(eve, "dest_ip")]
        event.sourcePort = try port(eve, "src_port")
        event.destinationPort = try port(eve, "dest_port")
        event.transport = eve.string("proto")?.lowercased()
        event.flowID = eve.string("flow_id")
        event.communityID = eve.string("community_id")
        event.observerHostName = eve.string("host")
        if isFlow {
            let state = eve.string("flow.state")
            event.connectionState = state
            event.types = ["connection"] + (state == "new" ? ["start"] : state == "closed" ? ["end"] : [])
            event.sourceBytes = eve.integer("flow.bytes_toserver")
            event.destinationBytes = eve.integer("flow.bytes_toclient")
            event.sourcePackets = eve.integer("flow.pkts_toserver")
            event.destinationPackets = eve.integer("flow.pkts_toclient")
            event.start = try time(eve, "flow.start", required: false)
            event.end = try time(eve, "flow.end", required: false)
            if let start = event.start, let end = event.end, start <= end {
                event.durationNanoseconds = Int64((end.timeIntervalSince(start) * 1e9).rounded())
            }
        } else {
            event.types = protocolTypes
            event.applicationProtocol = "smb"
        }
        if let appProto = eve.string("app_proto")?.lowercased(), !appProto.isEmpty,
           !["failed", "template", "template-rust"].contains(appProto) {
            event.applicationProtocol = appProto == "ftp-data" ? "ftp" : appProto
        }
        return event
    }

    /// One reason per event type, so the summary can count them; odd type names share one.
    static func skipReason(eventType: String) -> String {
        let isPlainName = !eventType.isEmpty && eventType.utf8.count <= 32 && eventType.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
        return isPlainName ? "suricata \(eventType) event" : "suricata event of an unknown type"
    }

    private static func address(_ eve: FlatJSONObject, _ key: String) throws(FieldRejection) -> IPAddress {
        guard let text = eve.string(key) else { throw FieldRejection("suricata event has no \(key)") }
        return try TextField.address(text, format: "suricata", field: key)
    }

    private static func port(_ eve: FlatJSONObject, _ key: String) throws(FieldRejection) -> Int? {
        guard let text = eve.string(key) else { return nil }
        return try TextField.port(text, format: "suricata", field: key)
    }

    /// `2023-09-18T06:13:21.216460+0000`: ISO 8601 with an offset written without a colon.
    private static func time(_ eve: FlatJSONObject, _ key: String, required: Bool) throws(FieldRejection) -> Date? {
        guard let text = eve.string(key) else {
            if required { throw FieldRejection("suricata event has no \(key)") }
            return nil
        }
        return try TextField.time(text, zone: utc, format: "suricata", field: key)
    }
}
