import Detection
import Store
import TriageModel

/// A stored event's ECS fields, dotted, as `--json` listings print them (`history --json`, and
/// the event half of an alert document). Fields the event lacks are left out, except
/// `@timestamp`, which is null then.
public struct EventDocument: Encodable, Sendable {
    var dataset, module: String?
    var categories: [String]?
    var action, outcome: String?
    var sourceIP: AddressValue?
    var sourcePort: Int?
    var sourceBytes, sourcePackets: Int64?
    var sourceDomain: String?
    var destinationIP: AddressValue?
    var destinationPort: Int?
    var destinationBytes, destinationPackets: Int64?
    var destinationDomain: String?
    var transport, applicationProtocol, direction, communityID, flowID, hostName: String?
    var processExecutable: String?
    var processID: Int?
    var userName, userDomain, ruleName, ruleCategory: String?
    var severity: Int?
    var threatName: String?
    var duration: Int64?
    var ingested: String
    var start, end: String?
    var timestamp: Nullable<String>
    var logFilePath: String
    var logFileLine: Int
    var format: String
    /// Whether the flow's destination was new for its host (`history` only).
    public var isFirstSeenDestination: Bool?

    public init(_ flow: StoredFlow) {
        let event = flow.event
        dataset = event.dataset
        module = event.module
        categories = event.categories.isEmpty ? nil : event.categories
        action = event.action
        outcome = event.outcome
        sourceIP = AddressValue(event.sourceIPs)
        sourcePort = event.sourcePort
        sourceBytes = event.sourceBytes
        sourcePackets = event.sourcePackets
        sourceDomain = event.sourceDomain
        destinationIP = AddressValue(event.destinationIPs)
        destinationPort = event.destinationPort
        destinationBytes = event.destinationBytes
        destinationPackets = event.destinationPackets
        destinationDomain = event.destinationDomain
        transport = event.transport
        applicationProtocol = event.applicationProtocol
        direction = event.direction
        communityID = event.communityID
        flowID = event.flowID
        hostName = event.observerHostName
        processExecutable = event.processExecutable
        processID = event.processID
        userName = event.userName
        userDomain = event.userDomain
        ruleName = event.ruleName
        ruleCategory = event.ruleCategory
        severity = event.severity
        threatName = event.threatName
        duration = event.durationNanoseconds
        ingested = JSONLines.date(flow.ingestedAt)
        start = event.start.map(JSONLines.date)
        end = event.end.map(JSONLines.date)
        timestamp = Nullable(event.timestamp.map(JSONLines.date))
        logFilePath = flow.origin.path
        logFileLine = flow.origin.line
        format = flow.origin.format
    }

    enum CodingKeys: String, CodingKey {
        case dataset = "event.dataset", module = "event.module", categories = "event.category"
        case action = "event.action", outcome = "event.outcome"
        case sourceIP = "source.ip", sourcePort = "source.port", sourceBytes = "source.bytes"
        case sourcePackets = "source.packets", sourceDomain = "source.domain"
        case destinationIP = "destination.ip", destinationPort = "destination.port"
        case destinationBytes = "destination.bytes", destinationPackets = "destination.packets"
        case destinationDomain = "destination.domain"
        case transport = "network.transport", applicationProtocol = "network.protocol"
        case direction = "network.direction", communityID = "network.community_id"
        case flowID = "flow.id", hostName = "host.name"
        case processExecutable = "process.executable", processID = "process.pid"
        case userName = "user.name", userDomain = "user.domain"
        case ruleName = "rule.name", ruleCategory = "rule.category", severity = "event.severity"
        case threatName = "panw.panos.threat.name", duration = "event.duration"
        case ingested = "event.ingested", start = "event.start", end = "event.end", timestamp = "@timestamp"
        case logFilePath = "log.file.path", logFileLine = "log.file.line", format = "smbtriage.format"
        case isFirstSeenDestination = "smbtriage.first_seen_destination"
    }
}
