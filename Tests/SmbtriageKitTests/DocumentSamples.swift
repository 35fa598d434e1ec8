import Detection
import Foundation
import Store
import TriageModel

/// Records with every kind of value a `--json` document carries (absent fields, several addresses,
/// IPv6, control characters, bidirectional overrides, slashes, non-ASCII), at fixed times.
enum DocumentSamples {
    static let time = Date(timeIntervalSince1970: 1_780_000_000.123)
    static let hostile = "ws\u{1B}[31m\u{202E}gpj.exe/é\u{7F}\u{85}\t\"q\""

    /// A flow with every ECS field set; one with the fewest.
    static let flows: [StoredFlow] = [
        StoredFlow(id: 7, event: NetworkEvent(
            timestamp: time, start: time.addingTimeInterval(-30), end: time, durationNanoseconds: 30_000_000_000,
            dataset: "zeek.connection", module: "zeek", categories: ["network"], types: ["connection"],
            action: "network_flow", outcome: "success", sourceIPs: [IPAddress("10.1.1.5")!], sourcePort: 50123,
            sourceBytes: 1200, sourcePackets: 12, sourceDomain: hostile,
            destinationIPs: [IPAddress("2001:db8::1")!, IPAddress("45.146.164.10")!], destinationPort: 445,
            destinationBytes: 3400, destinationPackets: 9, destinationDomain: "files.example.com",
            transport: "tcp", applicationProtocol: "smb", direction: "outbound",
            communityID: "1:LQU9qZlK+B5F3KDmev6m5PMibrg=", flowID: "C/1", observerHostName: "sensor-1",
            processExecutable: "C:\\Windows\\System32\\svchost.exe", processID: 1044, userName: "anna",
            userDomain: "CORP"),
            origin: RecordOrigin(path: "/logs/conn.log", line: 3, format: "zeek-json", original: "{}"),
            ingestedAt: time.addingTimeInterval(60), isFirstSeenDestination: true),
        StoredFlow(id: 8, event: NetworkEvent(sourceIPs: [IPAddress("10.1.1.6")!], destinationIPs: []),
                   origin: RecordOrigin(path: "-", line: 1, format: "ecs", original: "{}"),
                   ingestedAt: time, isFirstSeenDestination: false),
    ]

    static func alerts(rule: DetectionRule) -> [AlertRecord] {
        flows.enumerated().map { index, flow in
            AlertRecord(id: Int64(index + 1), uuid: "uuid-\(index)", status: index == 0 ? .closed : .open,
                        closeReason: index == 0 ? "false positive \(hostile)" : nil, createdAt: time.addingTimeInterval(90),
                        updatedAt: time, ruleID: rule.ruleID, ruleName: rule.name, severity: rule.severity,
                        riskScore: rule.riskScore, ruleVersion: rule.version, reason: "SMB to the Internet",
                        executionID: 4, flow: flow, checkedGuideSteps: [1], noteCount: index)
        }
    }

    static let flowSummaries = [
        FlowSummary(host: IPAddress("10.1.1.5"), day: time, destination: IPAddress("45.146.164.10"), ports: [139, 445],
                    flows: 3, bytesSent: 10, bytesReceived: 20, firstSeen: time, lastSeen: time.addingTimeInterval(5),
                    isExternal: true, isFirstSeenDestination: true),
        FlowSummary(host: nil, day: time, destination: nil, ports: [], flows: 1, bytesSent: 0, bytesReceived: 0,
                    firstSeen: time, lastSeen: time, isExternal: false, isFirstSeenDestination: false),
    ]

    static let hosts = [
        HostSummary(address: IPAddress("10.1.1.5")!, hostName: hostile, openAlerts: 2, acknowledgedAlerts: 1,
                    closedAlerts: 0, externalDestinations: 3, bytesOut: 1 << 40, firstSeen: time,
                    lastSeen: time.addingTimeInterval(1), highestRisk: 73),
        HostSummary(address: IPAddress("fe80::1")!, hostName: nil, openAlerts: 0, acknowledgedAlerts: 0,
                    closedAlerts: 0, externalDestinations: 0, bytesOut: 0, firstSeen: time, lastSeen: time,
                    highestRisk: nil),
    ]

    static let auditEntries = [
        AuditEntry(id: 1, at: time, actor: "ana", action: "alert.close", target: "alert 1", detail: hostile,
                   alertID: 1, host: IPAddress("10.1.1.5")),
        AuditEntry(id: 2, at: time, actor: "ana", action: "rule.use", target: "rule x", detail: "version 103 → 108"),
    ]

    static let notes = [AlertNote(id: 3, alertID: 1, author: "ana", createdAt: time, text: "called the owner \(hostile)")]

    static let exceptions = [
        ExceptionRecord(item: ExceptionItem(id: "backup", name: "Backup server", comment: "backup \(hostile)",
                                            author: "ana", createdAt: time, expiresAt: time.addingTimeInterval(86_400),
                                            entries: [ExceptionEntry(field: "destination.ip", value: .match("45.146.164.10")),
                                                      ExceptionEntry(field: "source.ip", operator: .excluded,
                                                                     value: .matchAny(["10.1.1.5", "10.1.1.6"]))]),
                        suppressedEvents: 4, lastSuppressedAt: time),
        ExceptionRecord(item: ExceptionItem(id: "old", name: "Old", comment: "", author: "bo",
                                            createdAt: time.addingTimeInterval(-90 * 86_400), expiresAt: nil,
                                            entries: [ExceptionEntry(field: "source.ip", value: .match("10.9.9.9"))]),
                        suppressedEvents: 0),
    ]

    static let retention = RetentionPolicy(flowDays: 30, closedAlertDays: 180, auditDays: 730)
    static let prune = PruneReport(flows: 120, closedAlerts: 3, auditEntries: 0)
}
