import Detection
import Store
import TriageModel

/// An alert as Kibana's alerts index holds it: the source event's ECS fields plus `kibana.alert.*`.
enum AlertDocument {
    /// `rule` is the version that made the alert (its ATT&CK mapping and type).
    static func make(_ alert: AlertRecord, rule: DetectionRule) -> [String: Any] {
        var document = EventDocument.ecsFields(alert.flow)
        document["kibana.alert.uuid"] = alert.uuid
        document["kibana.alert.rule.rule_id"] = alert.ruleID
        document["kibana.alert.rule.name"] = alert.ruleName
        document["kibana.alert.rule.version"] = alert.ruleVersion
        document["kibana.alert.rule.type"] = rule.type
        document["kibana.alert.severity"] = alert.severity
        document["kibana.alert.risk_score"] = alert.riskScore
        document["kibana.alert.workflow_status"] = alert.status.rawValue
        document["kibana.alert.workflow_reason"] = JSONLines.optional(alert.closeReason)
        document["kibana.alert.original_time"] = JSONLines.date(alert.flow.event.timestamp)
        document["kibana.alert.reason"] = alert.reason
        document["kibana.alert.rule.threat"] = rule.threat.map { mapping in
            [
                "framework": mapping.framework,
                "tactic": reference(mapping.tactic),
                "technique": mapping.technique.map(reference),
            ] as [String: Any]
        }
        document["@timestamp"] = JSONLines.date(alert.createdAt)
        document["smbtriage.alert.id"] = alert.id
        document["smbtriage.alert.notes"] = alert.noteCount
        return document
    }

    private static func reference(_ reference: DetectionRule.AttackReference) -> [String: Any] {
        ["id": reference.id, "name": reference.name, "reference": reference.reference]
    }
}

/// A stored event's ECS fields, dotted, as `--json` listings print them.
enum EventDocument {
    static func ecsFields(_ flow: StoredFlow) -> [String: Any] {
        let event = flow.event
        let fields: [String: (any Sendable)?] = [
            "event.dataset": event.dataset, "event.module": event.module,
            "event.category": event.categories.isEmpty ? nil : event.categories,
            "event.action": event.action, "event.outcome": event.outcome,
            "source.ip": addresses(event.sourceIPs), "source.port": event.sourcePort,
            "source.bytes": event.sourceBytes, "source.packets": event.sourcePackets,
            "source.domain": event.sourceDomain,
            "destination.ip": addresses(event.destinationIPs), "destination.port": event.destinationPort,
            "destination.bytes": event.destinationBytes, "destination.packets": event.destinationPackets,
            "destination.domain": event.destinationDomain,
            "network.transport": event.transport, "network.protocol": event.applicationProtocol,
            "network.direction": event.direction, "network.community_id": event.communityID,
            "flow.id": event.flowID, "host.name": event.observerHostName,
            "process.executable": event.processExecutable, "process.pid": event.processID,
            "user.name": event.userName, "user.domain": event.userDomain,
            "rule.name": event.ruleName, "rule.category": event.ruleCategory, "event.severity": event.severity,
            "panw.panos.threat.name": event.threatName,
            "event.duration": event.durationNanoseconds,
        ]
        var document = fields.compactMapValues { $0 } as [String: Any]
        document["event.ingested"] = JSONLines.date(flow.ingestedAt)
        document["event.start"] = event.start.map(JSONLines.date)
        document["event.end"] = event.end.map(JSONLines.date)
        document["@timestamp"] = JSONLines.date(event.timestamp)
        document["log.file.path"] = flow.origin.path
        document["log.file.line"] = flow.origin.line
        document["smbtriage.format"] = flow.origin.format
        return document
    }

    /// A single address as a string, several as an array (ECS allows both).
    private static func addresses(_ addresses: [IPAddress]) -> (any Sendable)? {
        switch addresses.count {
        case 0: nil
        case 1: "\(addresses[0])"
        default: addresses.map { "\($0)" }
        }
    }
}
