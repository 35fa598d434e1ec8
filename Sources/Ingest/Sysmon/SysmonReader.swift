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
    public static let format = LogFormat.sysmon

    private static let utc = TimeZone(identifier: "UTC")!
    private static let network = ["network"]
    private static let connectionTypes = ["start", "connection", "protocol"]

    public init(options: ReaderOptions) {}

    /// The first JSON object is a Windows event: Winlogbeat's `winlog.*`, or NXLog's `EventID`
    /// with `Channel` or `SourceName`.
    public static func recognizes(_ sample: [String]) -> Bool {
        for line in sample {
            guard let object = try? line.withASCIIBytes({ bytes throws(JSONSyntaxError) in
                try FlatJSONObject(parsing: bytes.droppingByteOrderMark)
            }) else { continue }
            if object.string("winlog.event_id") != nil || object.string("winlog.channel") != nil { return true }
            return object.string("EventID") != nil
                && (object.string("Channel") != nil || object.string("SourceName") != nil)
        }
        return false
    }

    public mutating func read(line rawLine: UnsafeBufferPointer<UInt8>, number: Int) -> LineOutcome {
        let line = number == 1 ? rawLine.droppingByteOrderMark : rawLine
        if line.isBlank { return .structural }
        let record: SysmonRecord
        do {
            record = SysmonRecord(object: try FlatJSONObject(parsing: line))
        } catch {
            return .rejected(reason: "windows event JSON: \(error)")
        }
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
        event.timestamp = try timestamp(record)
        event.sourceIPs = [try address(record, ecs: "source.ip", sysmon: "SourceIp")]
        event.destinationIPs = [try address(record, ecs: "destination.ip", sysmon: "DestinationIp")]
        event.sourcePort = try port(record, ecs: "source.port", sysmon: "SourcePort")
        event.destinationPort = try port(record, ecs: "destination.port", sysmon: "DestinationPort")
        event.sourceDomain = record.field(ecs: "source.domain", sysmon: "SourceHostname")
        event.destinationDomain = record.field(ecs: "destination.domain", sysmon: "DestinationHostname")
        event.transport = record.field(ecs: "network.transport", sysmon: "Protocol")?.lowercased()
        event.applicationProtocol = record.value("network.protocol")
            ?? record.eventData("DestinationPortName") ?? record.eventData("SourcePortName")
        event.direction = record.value("network.direction") ?? direction(initiated: record.eventData("Initiated"))
        event.processExecutable = record.field(ecs: "process.executable", sysmon: "Image")
        event.processID = record.field(ecs: "process.pid", sysmon: "ProcessId").flatMap { Int($0) }
        if let name = record.value("user.name") {
            event.userName = name
            event.userDomain = record.value("user.domain")
        } else if let user = record.eventData("User") {
            (event.userDomain, event.userName) = split(user: user)
        }
        event.observerHostName = record.value("winlog.computer_name") ?? record.value("host.name")
            ?? record.value("Hostname") ?? record.value("Computer")
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

    /// `UtcTime` (`2020-09-22 18:53:31.668`, UTC), else the shipper's `@timestamp`.
    private static func timestamp(_ record: SysmonRecord) throws(FieldRejection) -> Date? {
        if let text = record.eventData("UtcTime") {
            return try TextField.time(text, zone: utc, format: "sysmon", field: "UtcTime")
        }
        if let text = record.value("@timestamp") {
            return try TextField.time(text, zone: utc, format: "sysmon", field: "@timestamp")
        }
        return nil
    }

    private static func address(_ record: SysmonRecord, ecs: String, sysmon: String) throws(FieldRejection) -> IPAddress {
        guard let text = record.field(ecs: ecs, sysmon: sysmon) else {
            throw FieldRejection("sysmon event 3 has no \(sysmon)")
        }
        return try TextField.address(text, format: "sysmon", field: sysmon)
    }

    private static func port(_ record: SysmonRecord, ecs: String, sysmon: String) throws(FieldRejection) -> Int? {
        guard let text = record.field(ecs: ecs, sysmon: sysmon) else { return nil }
        return try TextField.port(text, format: "sysmon", field: sysmon)
    }
}
