import Detection
import Foundation

/// Reads Sysmon event 3 (NetworkConnect) from Windows event JSON, as Elastic's windows integration
/// maps it (`packages/windows/data_stream/sysmon_operational/elasticsearch/ingest_pipeline/default.yml`).
/// Other events are skipped by id (`windows event 1`).
///
/// Sysmon is an extension beyond the rule: its indices (`packetbeat-*`, `auditbeat-*`, `filebeat-*`,
/// `logs-network_traffic.*`) hold no Winlogbeat data, so Elastic's rule never sees these events.
/// smbtriage reads them because an endpoint's own record of an SMB connection names the process.
/// Sysmon logs no byte counts.
public struct SysmonReader: StatelessLineReader {
    /// `.sysmon`.
    public static let format = LogFormat.sysmon

    private typealias Field = SysmonRecord.Field
    private static let utcTime = Field(eventData: "UtcTime")
    private static let shipperTime = Field(name: "@timestamp", paths: ["@timestamp"])
    private static let sourceIP = Field(ecs: "source.ip", eventData: "SourceIp")
    private static let destinationIP = Field(ecs: "destination.ip", eventData: "DestinationIp")
    private static let sourcePort = Field(ecs: "source.port", eventData: "SourcePort")
    private static let destinationPort = Field(ecs: "destination.port", eventData: "DestinationPort")
    private static let sourceHostname = Field(ecs: "source.domain", eventData: "SourceHostname")
    private static let destinationHostname = Field(ecs: "destination.domain", eventData: "DestinationHostname")
    private static let transport = Field(ecs: "network.transport", eventData: "Protocol")
    private static let portName = Field(name: "DestinationPortName", paths: [
        "network.protocol", "winlog.event_data.DestinationPortName", "DestinationPortName",
        "winlog.event_data.SourcePortName", "SourcePortName",
    ])
    private static let initiated = Field(eventData: "Initiated")
    private static let direction = Field(name: "network.direction", paths: ["network.direction"])
    private static let image = Field(ecs: "process.executable", eventData: "Image")
    private static let processID = Field(ecs: "process.pid", eventData: "ProcessId")
    private static let userName = Field(name: "user.name", paths: ["user.name"])
    private static let userDomain = Field(name: "user.domain", paths: ["user.domain"])
    private static let user = Field(eventData: "User")
    private static let computer = Field(name: "Computer", paths: ["winlog.computer_name", "host.name", "Hostname", "Computer"])

    /// `winlog.event_id`, `winlog.channel`, then NXLog's `EventID`, `Channel`, `SourceName`.
    private static let recognitionKeys = ["winlog.event_id", "winlog.channel", "EventID", "Channel", "SourceName"]
        .map(FlatJSONObject.Key.init)
    private static let utc = TimeZone(identifier: "UTC")!
    private static let network = ["network"]
    private static let connectionTypes = ["start", "connection", "protocol"]

    private var object = FlatJSONObject()

    /// A reader for one file. The options change nothing: Sysmon writes UTC.
    public init(options: ReaderOptions) {}

    /// Most sampled JSON objects are Windows events: Winlogbeat's `winlog.*`, or NXLog's `EventID`
    /// with `Channel` or `SourceName`.
    public static func recognizes(_ sample: [String]) -> Bool {
        FlatJSONObject.mostObjects(in: sample) { object in
            let present = recognitionKeys.map(object.contains)
            return present[0] || present[1] || present[2] && (present[3] || present[4])
        }
    }

    /// One line's outcome: an event, a skip with its reason, a structural line or a rejection.
    public mutating func read(line rawLine: LineBytes, number: Int) -> LineOutcome {
        if let outcome = object.parseLogLine(rawLine, number: number, format: "windows event JSON") { return outcome }
        let record = SysmonRecord(object: object)
        guard let eventID = record.eventID else {
            return .rejected(reason: "windows event has no event id (winlog.event_id or EventID)")
        }
        guard eventID == 3 else {
            return .skipped(reason: (0...65_535).contains(eventID) ? "windows event \(eventID)" : "windows event of an unknown id")
        }
        guard record.isSysmon else { return .skipped(reason: "windows event 3 outside the Sysmon channel") }
        do {
            return .event(try Self.networkConnection(record))
        } catch {
            return .rejected(reason: error.reason)
        }
    }

    private static func networkConnection(_ record: SysmonRecord) throws(FieldRejection) -> NetworkEvent {
        var event = NetworkEvent(
            dataset: "windows.sysmon_operational", module: "sysmon", categories: network,
            types: connectionTypes, action: "Network connection", code: "3"
        )
        event.timestamp = try time(record, utcTime)
        if event.timestamp == nil { event.timestamp = try time(record, shipperTime) }
        event.sourceIPs = [try address(record, sourceIP)]
        event.destinationIPs = [try address(record, destinationIP)]
        event.sourcePort = try port(record, sourcePort)
        event.destinationPort = try port(record, destinationPort)
        event.sourceDomain = record.value(sourceHostname)
        event.destinationDomain = record.value(destinationHostname)
        event.transport = record.value(transport)?.lowercased()
        event.applicationProtocol = record.value(portName)
        event.direction = record.value(direction) ?? Self.direction(initiated: record.value(initiated))
        event.processExecutable = record.value(image)
        event.processID = try count(record, processID).map { Int($0) }
        if let name = record.value(userName) {
            event.userName = name
            event.userDomain = record.value(userDomain)
        } else if let user = record.value(user) {
            (event.userDomain, event.userName) = split(user: user)
        }
        event.observerHostName = record.value(computer)
        return event
    }

    /// `Initiated`: true when the local process opened the connection.
    static func direction(initiated: String?) -> String? {
        switch initiated?.lowercased() {
        case "true": "egress"
        case "false": "ingress"
        default: nil
        }
    }

    /// `DOMAIN\name` into its domain and name; a bare name has no domain.
    static func split(user: String) -> (domain: String?, name: String?) {
        guard let separator = user.firstIndex(of: "\\") else { return (nil, user) }
        let domain = String(user[..<separator])
        let name = String(user[user.index(after: separator)...])
        return (domain.isEmpty ? nil : domain, name.isEmpty ? nil : name)
    }

    /// `UtcTime` (`2020-09-22 18:53:31.668`, UTC) or the shipper's `@timestamp`.
    private static func time(_ record: SysmonRecord, _ field: Field) throws(FieldRejection) -> Date? {
        guard let text = record.value(field) else { return nil }
        return try TextField.time(text, zone: utc, format: "sysmon", field: field.name)
    }

    private static func address(_ record: SysmonRecord, _ field: Field) throws(FieldRejection) -> IPAddress {
        guard let text = record.value(field) else { throw FieldRejection("sysmon event 3 has no \(field.name)") }
        return try TextField.address(text, format: "sysmon", field: field.name)
    }

    private static func count(_ record: SysmonRecord, _ field: Field) throws(FieldRejection) -> Int64? {
        guard let text = record.value(field) else { return nil }
        return try TextField.count(text, format: "sysmon", field: field.name)
    }

    private static func port(_ record: SysmonRecord, _ field: Field) throws(FieldRejection) -> Int? {
        guard let text = record.value(field) else { return nil }
        return try TextField.port(text, format: "sysmon", field: field.name)
    }
}
