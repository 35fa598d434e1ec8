import Detection
import Foundation

/// Reads PAN-OS TRAFFIC logs (syslog CSV, with or without the syslog header), mapped as Elastic's
/// panw integration maps them (`packages/panw/data_stream/panos/elasticsearch/ingest_pipeline/
/// default.yml` and `traffic.yml`). Other log types (THREAT, SYSTEM, …) are skipped by type.
///
/// Rows of every PAN-OS version read: fields after 47 (Session End Reason) are optional. Times
/// carry no zone; they are read in `ReaderOptions.timeZone`, the firewall's zone.
public struct PANOSReader: StatelessLineReader {
    /// `.panos`.
    public static let format = LogFormat.panos

    private let timeZone: TimeZone
    private static let network = ["network"]
    /// The fields a TRAFFIC row must have: through 47, Session End Reason.
    static let requiredFieldCount = 47

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
    public mutating func read(line rawLine: UnsafeBufferPointer<UInt8>, number: Int) -> LineOutcome {
        let line = number == 1 ? rawLine.droppingByteOrderMark : rawLine
        if line.isBlank { return .structural }
        let text = String(decoding: line, as: UTF8.self)
        guard let row = PANOSRow(Substring(text)) else {
            return .rejected(reason: "panos line has no CSV payload (no receive time after field 1)")
        }
        guard let typeName = row.text(4), let type = PANOSLogType(typeName) else {
            return .skipped(reason: "panos log of an unknown type")
        }
        guard type == .traffic else { return .skipped(reason: "panos \(type.rawValue) log") }
        guard row.fields.count >= Self.requiredFieldCount else {
            return .rejected(reason: "panos TRAFFIC row has \(row.fields.count) fields; at least \(Self.requiredFieldCount) expected")
        }
        do {
            return .event(try traffic(row))
        } catch {
            return .rejected(reason: error.reason)
        }
    }

    private func traffic(_ row: PANOSRow) throws(FieldRejection) -> NetworkEvent {
        let action = row.text(31).map(PANOSAction.normalized)
        let subtype = row.text(5)
        var event = NetworkEvent(dataset: "panw.panos", module: "panw", categories: Self.network)
        event.timestamp = try time(row, 7, "generated time")
        if event.timestamp == nil { event.timestamp = try time(row, 2, "receive time") }
        event.sourceIPs = [try address(row, 8, "source address")]
        event.destinationIPs = [try address(row, 9, "destination address")]
        event.sourcePort = try port(row, 25, "source port")
        event.destinationPort = try port(row, 26, "destination port")
        event.transport = row.text(30)?.lowercased()
        event.applicationProtocol = row.text(15)
        event.flowID = row.text(23)
        event.connectionState = action
        event.action = PANOSAction.eventAction(subtype: subtype)
        event.outcome = action == "allow" ? "success" : "failure"
        event.types = PANOSAction.eventTypes(action: action, subtype: subtype)
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
        if let user = row.text(13) { (event.userDomain, event.userName) = Self.split(user: user) }
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

    private func address(_ row: PANOSRow, _ number: Int, _ name: String) throws(FieldRejection) -> IPAddress {
        guard let text = row.text(number) else { throw FieldRejection("panos TRAFFIC row has no \(name)") }
        return try TextField.address(text, format: "panos", field: name)
    }

    private func port(_ row: PANOSRow, _ number: Int, _ name: String) throws(FieldRejection) -> Int? {
        guard let text = row.text(number) else { return nil }
        return try TextField.port(text, format: "panos", field: name)
    }

    private func count(_ row: PANOSRow, _ number: Int, _ name: String) throws(FieldRejection) -> Int64? {
        guard let text = row.text(number) else { return nil }
        return try TextField.count(text, format: "panos", field: name)
    }

    /// `yyyy/MM/dd HH:mm:ss`, firewall-local.
    private func time(_ row: PANOSRow, _ number: Int, _ name: String) throws(FieldRejection) -> Date? {
        guard let text = row.text(number) else { return nil }
        return try TextField.time(text, zone: timeZone, format: "panos", field: name)
    }
}
