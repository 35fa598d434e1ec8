import Detection
import Foundation
import TestSupport
import TriageModel

/// The synthetic stores the benchmark drives: `hostCount` host summaries, each host's alerts
/// (`alertsPerHost`), flows and destinations made only when the console opens the host.
enum SyntheticTriage {
    private static let base = Date(timeIntervalSince1970: 1_796_126_400)

    /// An in-memory repository of `hostCount` hosts; every flow's original record is `original` when
    /// given (a big Sysmon record, for the raw-record overlay).
    static func repository(hostCount: Int, alertsPerHost: Int, original: String? = nil) -> InMemoryTriageRepository {
        let hosts = (0..<hostCount).map { host($0, hostCount: hostCount, alertsPerHost: alertsPerHost) }
        return InMemoryTriageRepository(hosts: hosts, now: base) { address in
            let index = hostIndex(address)
            let alerts = (0..<alertsPerHost).map { offset in
                let id = Int64(index * alertsPerHost + offset + 1)
                return alert(id, flow: flow(id, host: index, original: original))
            }
            let flows = (0..<alertsPerHost * 3).map { flow(Int64(index * alertsPerHost * 3 + $0 + 1), host: index, original: original) }
            return HostRows(destinations: destinations(alertsPerHost: alertsPerHost), alerts: alerts, flows: flows)
        }
    }

    private static func address(ofHost index: Int) -> IPAddress {
        IPAddress(ipv4: 0x0A00_0000 | UInt32(index + 1))
    }

    private static func hostIndex(_ address: IPAddress) -> Int {
        Int((address.ipv4Value ?? 1) & 0x00FF_FFFF) - 1
    }

    private static func host(_ index: Int, hostCount: Int, alertsPerHost: Int) -> HostSummary {
        HostSummary(address: address(ofHost: index), hostName: index % 3 == 0 ? "WS-\(index)" : nil,
                    openAlerts: max(0, alertsPerHost - index % 50), acknowledgedAlerts: index % 5, closedAlerts: index % 7,
                    externalDestinations: 1 + index % 9, bytesOut: Int64(hostCount - index) * 7_919,
                    firstSeen: base - 86_400 * 30, lastSeen: base - Double(index % 86_400), highestRisk: 73)
    }

    private static func flow(_ id: Int64, host: Int, original: String?) -> StoredFlow {
        let time = base - Double(id % 1_000_000)
        let event = NetworkEvent(timestamp: time, dataset: "zeek.connection", module: "zeek", categories: ["network"],
                                 sourceIPs: [address(ofHost: host)], sourcePort: 49_152 + Int(id % 10_000), sourceBytes: id * 13,
                                 destinationIPs: [IPAddress(ipv4: 0x0808_0000 | UInt32(id % 65_536))], destinationPort: 445,
                                 destinationBytes: 4_096, transport: "tcp", connectionState: "SF")
        return StoredFlow(id: id, event: event,
                          origin: RecordOrigin(path: "/logs/conn.log", line: Int(id), format: "zeek", original: original ?? "{\"uid\":\"C\(id)\"}"),
                          ingestedAt: time + 30, isFirstSeenDestination: id % 17 == 0)
    }

    private static func alert(_ id: Int64, flow: StoredFlow) -> AlertRecord {
        AlertRecord(id: id, uuid: "uuid-\(id)", status: .open, closeReason: nil, createdAt: base, updatedAt: base,
                    ruleID: "c82b2bd8-d701-420c-ba43-f11a155b681a", ruleName: "SMB (Windows File Sharing) Activity to the Internet",
                    severity: "high", riskScore: 73, ruleVersion: 103, reason: "network event with destination port 445", executionID: 1,
                    flow: flow, checkedGuideSteps: [], noteCount: 0)
    }

    private static func destinations(alertsPerHost: Int) -> [DestinationSummary] {
        (0..<8).map { index in
            DestinationSummary(address: IPAddress(ipv4: 0x0808_0000 | UInt32(index)), ports: [445], connections: 10 + index,
                               bytesSent: Int64(index) * 99_999, bytesReceived: 4_096, firstSeen: base - 86_400, lastSeen: base,
                               isExternal: true, isNewForHost: index == 0, openAlerts: alertsPerHost / 8, acknowledgedAlerts: 0,
                               closedAlerts: 0)
        }
    }
}
