import BundledRules
@testable import Console
import Detection
import Foundation
import TestSupport
import TriageModel

/// Deterministic console data: three internal hosts (one with a wide-character hostname, one whose
/// hostname and raw record are full of escape sequences), their destinations, alerts and flows; their
/// cases are investigating, resolved as a true positive, and reopened by one new alert.
struct Fixture {
    static let now = Date(timeIntervalSince1970: 1_796_126_400) // 2026-12-01 12:00:00 UTC
    static let finance = IPAddress("10.1.2.3")!
    static let build = IPAddress("10.1.2.4")!
    static let printer = IPAddress("192.168.7.9")!
    static let dnsServer = IPAddress("8.8.8.8")!
    static let azure = IPAddress("20.60.1.2")!
    static let hostileName = "evil\u{1B}[31mRED\u{1B}[0m\u{7}\nPC"

    var hosts: [HostSummary]
    var alerts: [AlertRecord]
    var destinations: [IPAddress: [DestinationSummary]]
    var flows: [StoredFlow]
    var exceptions: [ExceptionRecord]
    var executions: [ExecutionRecord]

    /// The bundled rule versions, compiled.
    static let catalog = try! RuleCatalog.bundled()
    /// The bundled rule, compiled.
    static let rule = try! CompiledRule(DetectionRule.bundled())

    static func standard() -> Fixture {
        let hour: TimeInterval = 3600
        let hosts = [
            HostSummary(address: finance, hostName: "財務部-PC", openAlerts: 0, acknowledgedAlerts: 0, closedAlerts: 0,
                        externalDestinations: 2, bytesOut: 48_234_112, firstSeen: now - 72 * hour, lastSeen: now - 2 * hour,
                        highestRisk: nil,
                        caseProgress: CaseProgress(state: .investigating, verdict: nil, checkedGuideSteps: 2, reopenedBy: nil)),
            HostSummary(address: build, hostName: "build-server", openAlerts: 0, acknowledgedAlerts: 0, closedAlerts: 0,
                        externalDestinations: 1, bytesOut: 9_120, firstSeen: now - 30 * hour, lastSeen: now - 300,
                        highestRisk: nil,
                        caseProgress: CaseProgress(state: .resolved, verdict: .truePositive, checkedGuideSteps: 6, reopenedBy: nil)),
            HostSummary(address: printer, hostName: hostileName, openAlerts: 0, acknowledgedAlerts: 0, closedAlerts: 0,
                        externalDestinations: 1, bytesOut: 512, firstSeen: now - 5 * hour, lastSeen: now - 4 * hour,
                        highestRisk: nil,
                        caseProgress: CaseProgress(state: .investigating, verdict: nil, checkedGuideSteps: 0, reopenedBy: 1)),
        ]
        var flows: [StoredFlow] = []
        var alerts: [AlertRecord] = []
        func flow(_ source: IPAddress, _ destination: IPAddress, port: Int, bytes: Int64, at time: Date, original: String) -> StoredFlow {
            let event = NetworkEvent(
                timestamp: time, start: time - 12, end: time, durationNanoseconds: 12_400_000_000,
                dataset: "zeek.connection", module: "zeek", categories: ["network"], types: ["connection"],
                sourceIPs: [source], sourcePort: 49_152 + flows.count, sourceBytes: bytes, sourcePackets: bytes / 1400 + 3,
                destinationIPs: [destination], destinationPort: port, destinationBytes: 4_096, destinationPackets: 9,
                transport: "tcp", applicationProtocol: "smb", connectionState: "SF", observerHostName: "zeek-sensor-1")
            let stored = StoredFlow(id: Int64(flows.count + 1), event: event,
                                    origin: RecordOrigin(path: "/logs/zeek/conn.log", line: 100 + flows.count, format: "zeek",
                                                         original: original),
                                    ingestedAt: time + 60, isFirstSeenDestination: flows.allSatisfy {
                                        $0.event.sourceIPs != [source] || $0.event.destinationIPs != [destination]
                                    })
            flows.append(stored)
            return stored
        }
        func alert(_ stored: StoredFlow, status: AlertStatus = .open, risk: Int = 73, notes: Int = 0,
                   connection: AlertConnection = AlertConnection(key: nil, sensors: ["zeek-sensor-1"])) {
            let id = Int64(alerts.count + 1)
            let event = stored.event
            alerts.append(AlertRecord(
                id: id, uuid: "alert-uuid-\(id)", status: status, closeReason: status == .closed ? "duplicate" : nil,
                createdAt: stored.ingestedAt + 120, updatedAt: stored.ingestedAt + 120, ruleID: rule.rule.ruleID, ruleName: rule.rule.name,
                severity: "high", riskScore: risk, ruleVersion: 103,
                reason: "network event with source \(EndpointText.source(event)), destination \(EndpointText.destination(event))",
                executionID: 1, flow: stored, checkedGuideSteps: [], noteCount: notes, connection: connection))
        }
        let plainRecord = #"{"ts":1764500000.0,"uid":"CAbc","id.orig_h":"10.1.2.3","id.resp_h":"8.8.8.8","id.resp_p":445}"#
        // Alerts 1 and 2 are two sensors' records of one connection.
        let sprayed = AlertConnection(key: 7, sensors: ["packetbeat", "pan-os", "zeek"])
        alert(flow(finance, dnsServer, port: 445, bytes: 30_000_000, at: now - 10 * hour, original: plainRecord), notes: 2,
              connection: sprayed)
        alert(flow(finance, dnsServer, port: 445, bytes: 18_000_000, at: now - 6 * hour, original: plainRecord),
              connection: sprayed)
        alert(flow(finance, azure, port: 445, bytes: 234_112, at: now - 3 * hour, original: plainRecord), status: .acknowledged)
        _ = flow(finance, IPAddress("10.9.9.9")!, port: 445, bytes: 1_000, at: now - 2 * hour, original: plainRecord)
        alert(flow(build, azure, port: 139, bytes: 9_120, at: now - 1 * hour, original: plainRecord), status: .closed, risk: 47)
        let hostileRecord = "{\"msg\":\"\u{1B}]0;pwned\u{7}\u{1B}[2J\u{9B}31m\",\"host\":\"\(hostileName)\",\"bidi\":\"\u{202E}cod.exe\"}"
        alert(flow(printer, IPAddress("203.0.114.77")!, port: 445, bytes: 512, at: now - 4 * hour, original: hostileRecord), risk: 21)

        func destination(_ address: IPAddress, ports: [Int], connections: Int, sent: Int64, open: Int, ack: Int, closed: Int,
                         external: Bool = true, new: Bool = false) -> DestinationSummary {
            DestinationSummary(address: address, ports: ports, connections: connections, bytesSent: sent, bytesReceived: 8_192,
                               firstSeen: now - 10 * hour, lastSeen: now - 3 * hour, isExternal: external, isNewForHost: new,
                               openAlerts: open, acknowledgedAlerts: ack, closedAlerts: closed)
        }
        let destinations: [IPAddress: [DestinationSummary]] = [
            finance: [
                destination(dnsServer, ports: [445], connections: 2, sent: 48_000_000, open: 2, ack: 0, closed: 0, new: true),
                destination(azure, ports: [139, 445], connections: 1, sent: 234_112, open: 0, ack: 1, closed: 0),
                destination(IPAddress("10.9.9.9")!, ports: [445], connections: 1, sent: 1_000, open: 0, ack: 0, closed: 0, external: false),
            ],
            build: [destination(azure, ports: [139], connections: 1, sent: 9_120, open: 0, ack: 0, closed: 1)],
            printer: [destination(IPAddress("203.0.114.77")!, ports: [445], connections: 1, sent: 512, open: 1, ack: 0, closed: 0, new: true)],
        ]
        let exceptions = [
            ExceptionRecord(item: ExceptionItem(id: "azure-files", scope: .destination(try! IPPrefix(parsing: "20.60.0.0/16")),
                                                comment: "Azure Files backups over 445", author: "alice",
                                                createdAt: now - 20 * 24 * hour, expiresAt: nil), suppressedEvents: 1_204),
            ExceptionRecord(item: ExceptionItem(id: "old-lab", scope: .source(try! IPPrefix(parsing: "10.50.0.0/24")),
                                                comment: "Lab exposed SMB on purpose during the pentest", author: "bob",
                                                createdAt: now - 60 * 24 * hour, expiresAt: now - 30 * 24 * hour), suppressedEvents: 17),
        ]
        let executions = [
            ExecutionRecord(id: 2, ranAt: now - 300, windowStart: now - 840, windowEnd: now - 300, matched: 140, alerted: 100,
                            pending: 40, suppressedBy: ["azure-files": 3], capReached: true),
            ExecutionRecord(id: 1, ranAt: now - 600, windowStart: now - 1140, windowEnd: now - 600, matched: 2, alerted: 2,
                            pending: 0, suppressedBy: [:], capReached: false),
        ]
        return Fixture(hosts: hosts, alerts: alerts, destinations: destinations, flows: flows, exceptions: exceptions,
                       executions: executions)
    }
}

extension Fixture {
    /// Adds `count` flows of the finance host, each alerted and its own connection, one a minute
    /// from 20,000 s before `now` backwards; flow `index` goes to `destination(index)`.
    mutating func addFinanceConnections(_ count: Int, to destination: (Int) -> IPAddress) {
        let template = alerts[0]
        for index in 0..<count {
            var flow = flows[0]
            flow.id = Int64(1_000 + index)
            flow.event.timestamp = Fixture.now - Double(20_000 + index * 60)
            flow.event.destinationIPs = [destination(index)]
            flows.append(flow)
            var alert = template
            alert.id = Int64(1_000 + index)
            alert.uuid = "many-\(index)"
            alert.flow = flow
            alert.connection = AlertConnection(key: nil, sensors: ["zeek-sensor-1"])
            alerts.append(alert)
        }
    }
}

extension ConsoleOptions {
    /// Options for tests: a pinned clock and UTC.
    static func test(readOnly: Bool = false, color: Bool = true) -> ConsoleOptions {
        ConsoleOptions(readOnly: readOnly, color: color, actor: "tester", timeZone: TimeZone(identifier: "UTC")!, now: { Fixture.now })
    }
}

extension InMemoryTriageRepository {
    /// A repository holding `fixture`'s rows.
    convenience init(fixture: Fixture) {
        self.init(hosts: fixture.hosts, destinations: fixture.destinations, alerts: fixture.alerts, flows: fixture.flows,
                  exceptions: fixture.exceptions, executions: fixture.executions, now: Fixture.now)
    }
}
