import Detection
import Foundation
import Store

/// A read-only repository of any size that computes its rows from their index on demand, so a
/// store of 10 k hosts and 1 M alerts costs no memory. Writes are refused.
struct SyntheticRepository: TriageRepository {
    let hostCount: Int
    let alertsPerHost: Int
    /// Every flow's original record when set (a big Sysmon record, for the raw-record overlay).
    var original: String?
    private let base = Date(timeIntervalSince1970: 1_796_126_400)

    struct ReadOnly: Error {}

    private func address(ofHost index: Int) -> IPAddress {
        IPAddress(ipv4: 0x0A00_0000 | UInt32(index + 1))
    }

    private func host(_ index: Int) -> HostSummary {
        HostSummary(address: address(ofHost: index), hostName: index % 3 == 0 ? "WS-\(index)" : nil,
                    openAlerts: max(0, alertsPerHost - index % 50), acknowledgedAlerts: index % 5, closedAlerts: index % 7,
                    externalDestinations: 1 + index % 9, bytesOut: Int64(hostCount - index) * 7_919,
                    firstSeen: base - 86_400 * 30, lastSeen: base - Double(index % 86_400), highestRisk: 73)
    }

    private func flow(_ id: Int64, host: Int) -> StoredFlow {
        let time = base - Double(id % 1_000_000)
        let event = NetworkEvent(timestamp: time, dataset: "zeek.connection", module: "zeek", categories: ["network"],
                                 sourceIPs: [address(ofHost: host)], sourcePort: 49_152 + Int(id % 10_000), sourceBytes: id * 13,
                                 destinationIPs: [IPAddress(ipv4: 0x0808_0000 | UInt32(id % 65_536))], destinationPort: 445,
                                 destinationBytes: 4_096, transport: "tcp", connectionState: "SF")
        return StoredFlow(id: id, event: event,
                          origin: RecordOrigin(path: "/logs/conn.log", line: Int(id), format: "zeek", original: original ?? "{\"uid\":\"C\(id)\"}"),
                          ingestedAt: time + 30, isFirstSeenDestination: id % 17 == 0)
    }

    private func alert(_ id: Int64, host: Int) -> AlertRecord {
        AlertRecord(id: id, uuid: "uuid-\(id)", status: .open, closeReason: nil, createdAt: base, updatedAt: base,
                    ruleID: "c82b2bd8-d701-420c-ba43-f11a155b681a", ruleName: "SMB (Windows File Sharing) Activity to the Internet",
                    severity: "high", riskScore: 73, ruleVersion: 103, reason: "network event with destination port 445", executionID: 1,
                    flow: flow(id, host: host), checkedGuideSteps: [], noteCount: 0)
    }

    private func hostIndex(_ address: IPAddress) -> Int {
        Int((address.ipv4Value ?? 1) & 0x00FF_FFFF) - 1
    }

    private func page<Row>(_ total: Int, offset: Int, limit: Int, _ row: (Int) -> Row) -> Page<Row> {
        let end = min(total, offset + limit)
        return Page(rows: offset < end ? (offset..<end).map(row) : [], total: total)
    }

    func hosts(filter: HostFilter, sort: HostSort, offset: Int, limit: Int) throws -> Page<HostSummary> {
        page(hostCount, offset: offset, limit: limit, host)
    }

    func hostActivity(_ host: IPAddress, bucket: TimelineBucket, buckets: Int) throws -> [Int] {
        let seed = hostIndex(host)
        return (0..<buckets).map { ($0 * 31 + seed) % 17 }
    }

    func destinations(of host: IPAddress) throws -> [DestinationSummary] {
        (0..<8).map { index in
            DestinationSummary(address: IPAddress(ipv4: 0x0808_0000 | UInt32(index)), ports: [445], connections: 10 + index,
                               bytesSent: Int64(index) * 99_999, bytesReceived: 4_096, firstSeen: base - 86_400, lastSeen: base,
                               isExternal: true, isNewForHost: index == 0, openAlerts: alertsPerHost / 8, acknowledgedAlerts: 0,
                               closedAlerts: 0)
        }
    }

    func alerts(_ query: AlertQuery, offset: Int, limit: Int) throws -> Page<AlertRecord> {
        let host = query.host.map(hostIndex) ?? 0
        let total = query.host == nil ? hostCount * alertsPerHost : alertsPerHost
        return page(total, offset: offset, limit: limit) { alert(Int64(host * alertsPerHost + $0 + 1), host: host) }
    }

    func alert(id: Int64) throws -> AlertRecord? {
        alert(id, host: Int((id - 1) / Int64(alertsPerHost)))
    }

    func notes(alertID: Int64) throws -> [AlertNote] { [] }

    func hostCase(_ host: IPAddress) throws -> HostCase? {
        let summary = self.host(hostIndex(host))
        return HostCase(host: host, hostName: summary.hostName, state: .new, verdict: nil, reason: nil, changedAt: nil,
                        changedBy: nil, resolvedAt: nil, reopening: nil, checkedGuideSteps: [], notes: [],
                        openAlerts: summary.openAlerts, acknowledgedAlerts: summary.acknowledgedAlerts,
                        closedAlerts: summary.closedAlerts, alertNotes: 0)
    }

    func history(of host: IPAddress, offset: Int, limit: Int) throws -> Page<StoredFlow> {
        let index = hostIndex(host)
        return page(alertsPerHost * 3, offset: offset, limit: limit) { flow(Int64(index * alertsPerHost * 3 + $0 + 1), host: index) }
    }

    func timeline(of host: IPAddress, bucket: TimelineBucket) throws -> [TimelinePoint] {
        (0..<48).map { TimelinePoint(start: base - Double(48 - $0) * bucket.seconds, flows: $0 % 13, bytesOut: Int64($0) * 1_000,
                                     externalFlows: $0 % 5) }
    }

    func exceptions() throws -> [ExceptionRecord] { [] }
    func executions(limit: Int) throws -> [ExecutionRecord] { [] }
    func audit(limit: Int) throws -> [AuditEntry] { [] }
    func changeToken() throws -> Int64 { 1 }

    func setStatus(_ status: AlertStatus, alertIDs: [Int64], reason: String?, actor: String) throws -> Int { throw ReadOnly() }
    func addNote(alertID: Int64, text: String, actor: String) throws -> AlertNote { throw ReadOnly() }
    func setGuideStep(alertID: Int64, step: Int, checked: Bool, actor: String) throws { throw ReadOnly() }
    func setCaseState(of host: IPAddress, to state: CaseState, verdict: CaseVerdict?, reason: String?,
                      actor: String) throws -> CaseChange { throw ReadOnly() }
    func setCaseGuideStep(of host: IPAddress, step: Int, checked: Bool, actor: String) throws { throw ReadOnly() }
    func addCaseNote(to host: IPAddress, text: String, actor: String) throws -> CaseNote { throw ReadOnly() }
    func addException(_ item: ExceptionItem, closeMatching: Bool, actor: String) throws -> ExceptionAddResult { throw ReadOnly() }
    func updateException(_ item: ExceptionItem, actor: String) throws { throw ReadOnly() }
    func removeException(id: String, actor: String) throws { throw ReadOnly() }
}
