import Detection
import Foundation

/// Reads PAN-OS TRAFFIC and THREAT logs (syslog CSV, with or without the syslog header), mapped
/// as Elastic's panw integration maps them (`packages/panw/data_stream/panos/elasticsearch/
/// ingest_pipeline/default.yml`, `traffic.yml`, `threat.yml`). Other log types (SYSTEM, …) are
/// skipped by type.
///
/// The pipeline splits a row with Elasticsearch's `csv` processor, which fills the columns present
/// and leaves the rest unset; so does this reader. TRAFFIC rows of every layout from 6.0 (46
/// fields; Session End Reason, field 47, came with 6.1) to 11.x read; later fields are optional.
/// Times carry no zone; they are read in `ReaderOptions.timeZone`, the firewall's zone.
///
/// Both types: `@timestamp` ← generated time (7, else receive time 2), `source.ip`/`destination.ip`
/// ← 8/9, `rule.name` ← rule (12), `user.*` ← source user (13), `source.port`/`destination.port` ←
/// 25/26, `network.transport` ← protocol (30, lowercased), the PAN-OS action (31, spaced forms
/// hyphenated) in `connectionState`, `flow.id` ← session id (23), `event.type` allowed/denied from
/// the action.
/// TRAFFIC (see `traffic(_:)`): category `network`, `event.action` from the subtype, bytes 33/34,
/// packets 45/46 (the totals, 32 and 35, checked only), `event.start` 36, duration 37, `observer.hostname` ← device name (53).
/// THREAT (see `threat(_:)`): category `intrusion_detection`, `threat`, `network`; `event.action`
/// from the subtype (`vulnerability` → `exploit_detected`, …); `event.outcome` success for
/// alert/allow/continue; `panw.panos.threat.name` ← 33 without its `(id)`; `event.severity` ←
/// severity (35: critical 1 … informational 5); `network.direction` ← direction (36);
/// `observer.hostname` ← device name (60).
public struct PANOSReader: StatelessLineReader {
    /// `.panos`.
    public static let format = LogFormat.panos

    private let timeZone: TimeZone
    private static let network = ["network"]
    private static let threatCategories = ["intrusion_detection", "threat", "network"]
    /// The fields a TRAFFIC row must have: through 46, Packets Received (the 6.0 layout).
    static let requiredTrafficFieldCount = 46
    /// The fields a THREAT row must have: through 40, Destination Location (every layout since 6.0).
    static let requiredThreatFieldCount = 40

    /// A reader for one file. `options.timeZone` is the firewall's zone, in which its times are read.
    public init(options: ReaderOptions) {
        timeZone = options.timeZone
    }

    /// A line of the sample is a PAN-OS CSV row: a receive time in field 2 and a known log type
    /// in field 4.
    public static func recognizes(_ sample: [String]) -> Bool {
        sample.contains { line in
            guard let row = PANOSRow(Substring(line)), let type = row.text(4) else { return false }
            return PANOSLogType(type) != nil
        }
    }

    /// One line's outcome: an event, a skip with its reason, a structural line or a rejection.
    public mutating func read(line rawLine: LineBytes, number: Int) -> LineOutcome {
        let line = number == 1 ? rawLine.droppingByteOrderMark : rawLine
        if line.isBlank { return .structural }
        let text = String(decoding: line, as: UTF8.self)
        guard let row = PANOSRow(Substring(text)) else {
            return .rejected(reason: "panos line has no CSV payload (no receive time after field 1)")
        }
        guard let typeName = row.text(4), let type = PANOSLogType(typeName) else {
            return .skipped(reason: "panos log of an unknown type")
        }
        let required: Int
        switch type {
        case .traffic: required = Self.requiredTrafficFieldCount
        case .threat: required = Self.requiredThreatFieldCount
        default: return .skipped(reason: "panos \(type.rawValue) log")
        }
        guard row.fields.count >= required else {
            return .rejected(reason: "panos \(type.rawValue) row has \(row.fields.count) fields; at least \(required) expected")
        }
        do {
            return .event(type == .traffic ? try traffic(row) : try threat(row))
        } catch {
            return .rejected(reason: error.reason)
        }
    }

    /// What TRAFFIC and THREAT rows share: time, endpoints, transport, policy, user and action.
    private func session(_ row: PANOSRow, _ type: PANOSLogType, categories: [String]) throws(FieldRejection) -> NetworkEvent {
        var event = NetworkEvent(dataset: "panw.panos", module: "panw", categories: categories)
        event.timestamp = try time(row, 7, "generated time")
        if event.timestamp == nil { event.timestamp = try time(row, 2, "receive time") }
        event.sourceIPs = [try address(row, type, 8, "source address")]
        event.destinationIPs = [try address(row, type, 9, "destination address")]
        event.sourcePort = try port(row, 25, "source port")
        event.destinationPort = try port(row, 26, "destination port")
        event.transport = row.text(30)?.lowercased()
        event.applicationProtocol = row.text(15)
        event.flowID = row.text(23)
        event.ruleName = row.text(12)
        event.connectionState = row.text(31).map(PANOSAction.normalized)
        if let user = row.text(13) { (event.userDomain, event.userName) = Self.split(user: user) }
        return event
    }

    private func threat(_ row: PANOSRow) throws(FieldRejection) -> NetworkEvent {
        var event = try session(row, .threat, categories: Self.threatCategories)
        let action = event.connectionState
        event.action = PANOSThreat.eventAction(subtype: row.text(5))
        event.outcome = action.map(PANOSAction.isSuccess) == true ? "success" : "failure"
        event.types = PANOSAction.eventTypes(action: action, subtype: nil)
        event.threatName = row.text(33).map(PANOSThreat.name)
        event.severity = PANOSThreat.severity(row.text(35))
        event.direction = PANOSThreat.direction(row.text(36))
        event.observerHostName = row.text(60)
        return event
    }

    private func traffic(_ row: PANOSRow) throws(FieldRejection) -> NetworkEvent {
        var event = try session(row, .traffic, categories: Self.network)
        let action = event.connectionState
        let subtype = row.text(5)
        event.action = PANOSAction.eventAction(subtype: subtype)
        event.outcome = action == "allow" ? "success" : "failure"
        event.types = PANOSAction.eventTypes(action: action, subtype: subtype)
        // Totals the event does not keep (ECS sums the directions), checked as the directions are.
        _ = try count(row, 32, "total bytes")
        _ = try count(row, 35, "total packets")
        event.sourceBytes = try count(row, 33, "bytes sent")
        event.destinationBytes = try count(row, 34, "bytes received")
        event.sourcePackets = try count(row, 45, "packets sent")
        event.destinationPackets = try count(row, 46, "packets received")
        event.start = try time(row, 36, "start time")
        if let elapsed = try count(row, 37, "elapsed time") {
            guard let duration = DurationNanoseconds.of(seconds: elapsed) else {
                throw TextField.invalid("panos", "elapsed time", String(elapsed), expected: "a duration under 292 years")
            }
            event.durationNanoseconds = duration
            event.end = event.start?.addingTimeInterval(Double(elapsed))
        }
        event.observerHostName = row.text(53)
        return event
    }

    /// `domain\user`, `user@domain` or a bare user name, as the panw pipeline's grok reads them.
    static func split(user: String) -> (domain: String?, name: String) {
        if let backslash = user.firstIndex(of: "\\") {
            return (String(user[..<backslash]), String(user[user.index(after: backslash)...]))
        }
        if let at = user.lastIndex(of: "@") {
            return (String(user[user.index(after: at)...]), String(user[..<at]))
        }
        return (nil, user)
    }

    private func address(_ row: PANOSRow, _ type: PANOSLogType, _ number: Int, _ name: String) throws(FieldRejection) -> IPAddress {
        guard let text = row.text(number) else { throw FieldRejection("panos \(type.rawValue) row has no \(name)") }
        return try TextField.address(text, format: "panos", field: name)
    }

    private func port(_ row: PANOSRow, _ number: Int, _ name: String) throws(FieldRejection) -> Int? {
        guard let field = row[number], !field.isEmpty else { return nil }
        return try TextField.port(field, format: "panos", field: name)
    }

    private func count(_ row: PANOSRow, _ number: Int, _ name: String) throws(FieldRejection) -> Int64? {
        guard let field = row[number], !field.isEmpty else { return nil }
        return try TextField.count(field, format: "panos", field: name)
    }

    /// `yyyy/MM/dd HH:mm:ss`, firewall-local.
    private func time(_ row: PANOSRow, _ number: Int, _ name: String) throws(FieldRejection) -> Date? {
        guard let text = row.text(number) else { return nil }
        return try TextField.time(text, zone: timeZone, format: "panos", field: name)
    }
}
