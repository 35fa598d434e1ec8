import Detection
import Foundation

/// Reads Suricata's eve.json: every event type that carries addresses (`flow`, `alert`, `smb`,
/// `fileinfo`, `dcerpc`, `anomaly`, `http`, `dns`, `tls`, …), mapped as Elastic's suricata
/// integration maps them (`packages/suricata/data_stream/eve/elasticsearch/ingest_pipeline/default.yml`):
/// `event.category` `network` (`alert` also `intrusion_detection`, `http` also `web`), `event.type`
/// and `network.protocol` per type (`SuricataEventType`), `source.*`/`destination.*` ← `src_*`/`dest_*`,
/// `network.transport` ← lowercased `proto`, `network.protocol` ← `app_proto` (except `failed`,
/// `template*`; `ftp-data` → `ftp`), the `flow.*` counters and times of any event that carries
/// them, `start`/`end` appended to `event.type` from `flow.state`, and for alerts `rule.name` ←
/// `alert.signature`, `rule.category` ← `alert.category`, `event.severity` ← `alert.severity`,
/// `event.type` + `alert.action` (`blocked` → `denied`).
/// Events without addresses (`stats`, …) are skipped by type. `src_*` is the client (Suricata
/// swaps reversed flows before logging), so `flow.bytes_toserver` is what the client sent.
///
/// One connection gives a `flow` event and protocol events sharing its `flow_id` and
/// `community_id`; Elastic indexes each as its own document, and so does this reader.
public struct SuricataReader: StatelessLineReader {
    /// `.suricata`.
    public static let format = LogFormat.suricata

    private typealias Key = FlatJSONObject.Key
    private static let eventType = Key("event_type")
    private static let timestamp = Key("timestamp")
    private static let sourceIP = Key("src_ip")
    private static let destinationIP = Key("dest_ip")
    private static let sourcePort = Key("src_port")
    private static let destinationPort = Key("dest_port")
    private static let transport = Key("proto")
    private static let applicationProtocol = Key("app_proto")
    private static let flowID = Key("flow_id")
    private static let communityID = Key("community_id")
    private static let sensor = Key("host")
    private static let flowState = Key("flow.state")
    private static let bytesToServer = Key("flow.bytes_toserver")
    private static let bytesToClient = Key("flow.bytes_toclient")
    private static let packetsToServer = Key("flow.pkts_toserver")
    private static let packetsToClient = Key("flow.pkts_toclient")
    private static let flowStart = Key("flow.start")
    private static let flowEnd = Key("flow.end")
    private static let signature = Key("alert.signature")
    private static let signatureCategory = Key("alert.category")
    private static let signatureSeverity = Key("alert.severity")
    private static let alertAction = Key("alert.action")
    /// `app_proto` values Elastic does not copy to `network.protocol`.
    private static let unnamedProtocols: Set<String> = ["failed", "template", "template-rust"]

    private var eve = FlatJSONObject()

    /// A reader for one file. The options change nothing: eve times carry their offset.
    public init(options: ReaderOptions) {}

    /// Most sampled JSON objects have Suricata's `event_type` and `timestamp`.
    public static func recognizes(_ sample: [String]) -> Bool {
        FlatJSONObject.mostObjects(in: sample) { $0.contains(eventType) && $0.contains(timestamp) }
    }

    /// One line's outcome: an event, a skip with its reason, a structural line or a rejection.
    public mutating func read(line rawLine: LineBytes, number: Int) -> LineOutcome {
        if let outcome = eve.parseLogLine(rawLine, number: number, format: "suricata JSON") { return outcome }
        guard let type = eve.lowercasedString(Self.eventType) else {
            return .rejected(reason: "suricata event has no event_type")
        }
        let eventType = SuricataEventType(type)
        if !eventType.requiresAddresses, !eve.contains(Self.sourceIP), !eve.contains(Self.destinationIP) {
            return .skipped(reason: Self.skipReason(eventType: type))
        }
        do {
            return .event(try event(eventType))
        } catch {
            return .rejected(reason: "suricata \(error.reason)")
        }
    }

    private func event(_ type: SuricataEventType) throws(FieldRejection) -> NetworkEvent {
        var event = NetworkEvent(dataset: "suricata.eve", module: "suricata", categories: type.categories)
        event.types = type.types
        event.applicationProtocol = type.networkProtocol
        event.timestamp = try required(eve.timestamp(Self.timestamp), "timestamp")
        event.sourceIPs = try required(eve.ipAddresses(Self.sourceIP), "src_ip")
        event.destinationIPs = try required(eve.ipAddresses(Self.destinationIP), "dest_ip")
        event.sourcePort = try eve.port(Self.sourcePort)
        event.destinationPort = try eve.port(Self.destinationPort)
        event.transport = eve.lowercasedString(Self.transport)
        event.flowID = eve.string(Self.flowID)
        event.communityID = eve.string(Self.communityID)
        event.observerHostName = eve.string(Self.sensor)
        let state = eve.string(Self.flowState)
        if type.isFlow { event.connectionState = state }
        if state == "new" { event.types.append("start") }
        if state == "closed" { event.types.append("end") }
        event.sourceBytes = try eve.count(Self.bytesToServer)
        event.destinationBytes = try eve.count(Self.bytesToClient)
        event.sourcePackets = try eve.count(Self.packetsToServer)
        event.destinationPackets = try eve.count(Self.packetsToClient)
        event.start = try eve.timestamp(Self.flowStart)
        event.end = try eve.timestamp(Self.flowEnd)
        if let start = event.start, let end = event.end, start <= end {
            guard let duration = DurationNanoseconds.of(seconds: end.timeIntervalSince(start)) else {
                throw FieldRejection("flow.end is too far after flow.start for a duration (over 292 years)")
            }
            event.durationNanoseconds = duration
        }
        event.ruleName = eve.string(Self.signature)
        event.ruleCategory = eve.string(Self.signatureCategory)
        event.severity = try eve.count(Self.signatureSeverity).map { Int($0) }
        if let action = eve.string(Self.alertAction) { event.types.append(action == "blocked" ? "denied" : action) }
        if let appProto = eve.lowercasedString(Self.applicationProtocol), !appProto.isEmpty,
           !Self.unnamedProtocols.contains(appProto) {
            event.applicationProtocol = appProto == "ftp-data" ? "ftp" : appProto
        }
        return event
    }

    /// A value the mapping cannot do without.
    private func required<Value: Collection>(_ value: Value, _ name: String) throws(FieldRejection) -> Value {
        guard !value.isEmpty else { throw FieldRejection("event has no \(name)") }
        return value
    }

    private func required<Value>(_ value: Value?, _ name: String) throws(FieldRejection) -> Value {
        guard let value else { throw FieldRejection("event has no \(name)") }
        return value
    }

    /// One reason per event type, so the summary can count them; odd type names share one.
    static func skipReason(eventType: String) -> String {
        let isPlainName = !eventType.isEmpty && eventType.utf8.count <= 32 && eventType.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
        return isPlainName ? "suricata \(eventType) event" : "suricata event of an unknown type"
    }
}
