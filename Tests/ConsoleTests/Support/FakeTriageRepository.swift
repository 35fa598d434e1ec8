import Detection
import Foundation
import Store

/// An in-memory `TriageRepository` for console tests: serves fixture rows, applies writes to them
/// and records every write so tests can assert what the console asked for.
final class FakeTriageRepository: TriageRepository, @unchecked Sendable {
    struct StatusCall: Equatable {
        var status: AlertStatus
        var alertIDs: [Int64]
        var reason: String?
        var actor: String
    }

    struct ExceptionCall: Equatable {
        var item: ExceptionItem
        var closeMatching: Bool
        var actor: String
    }

    private let lock = NSLock()
    private var hostRows: [HostSummary]
    private var alertRows: [AlertRecord]
    private var destinationRows: [IPAddress: [DestinationSummary]]
    private var flowRows: [StoredFlow]
    private var exceptionRows: [ExceptionRecord]
    private var executionRows: [ExecutionRecord]
    private var noteRows: [AlertNote] = []
    private var caseRows: [IPAddress: HostCase] = [:]
    private var token: Int64 = 1

    /// Thrown by `hosts` while set, as a broken store would.
    var hostsFailure: String? {
        get { locked { failure } }
        set { locked { failure = newValue } }
    }
    private var failure: String?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var statusCalls: [StatusCall] = []
    private(set) var exceptionCalls: [ExceptionCall] = []
    /// The largest `hosts` page asked for.
    private(set) var largestHostPage = 0

    init(fixture: Fixture) {
        hostRows = fixture.hosts
        alertRows = fixture.alerts
        destinationRows = fixture.destinations
        flowRows = fixture.flows
        exceptionRows = fixture.exceptions
        executionRows = fixture.executions
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Replaces the bytes a host sent, as new ingest by another process would (the change token moves).
    func setBytesOut(_ bytes: Int64, of host: IPAddress) {
        locked {
            if let index = hostRows.firstIndex(where: { $0.address == host }) { hostRows[index].bytesOut = bytes }
            token += 1
        }
    }

    func alertRecord(_ id: Int64) -> AlertRecord? {
        locked { alertRows.first { $0.id == id } }
    }

    // MARK: Reads

    func hosts(filter: HostFilter, sort: HostSort, offset: Int, limit: Int) throws -> Page<HostSummary> {
        try locked {
            if let failure { throw Failure(description: failure) }
            largestHostPage = max(largestHostPage, limit)
            var rows = hostRows.map(counted)
            if !filter.text.isEmpty {
                rows = rows.filter { "\($0.address)".contains(filter.text) || ($0.hostName ?? "").contains(filter.text) }
            }
            if let status = filter.status {
                rows = rows.filter { host in alertRows.contains { source(of: $0) == host.address && $0.status == status } }
            }
            rows.sort { lhs, rhs in
                switch sort {
                case .attention: (lhs.openAlerts, lhs.bytesOut, rhs.address) > (rhs.openAlerts, rhs.bytesOut, lhs.address)
                case .bytesOut: lhs.bytesOut > rhs.bytesOut
                case .lastSeen: lhs.lastSeen > rhs.lastSeen
                case .address: lhs.address < rhs.address
                case .destinations: lhs.externalDestinations > rhs.externalDestinations
                }
            }
            return Page(rows: Array(rows.dropFirst(offset).prefix(limit)), total: rows.count)
        }
    }

    func hostActivity(_ host: IPAddress, bucket: TimelineBucket, buckets: Int) throws -> [Int] {
        locked {
            let seed = Int(host.ipv4Value ?? 7)
            return (0..<buckets).map { (($0 * 7 + seed) % 9) }
        }
    }

    func destinations(of host: IPAddress) throws -> [DestinationSummary] {
        locked { destinationRows[host] ?? [] }
    }

    func alerts(_ query: AlertQuery, offset: Int, limit: Int) throws -> Page<AlertRecord> {
        locked {
            let rows = alertRows.filter { alert in
                (query.status == nil || alert.status == query.status)
                    && (query.host == nil || source(of: alert) == query.host)
                    && (query.destination == nil || alert.flow.event.destinationIPs.first == query.destination)
            }.sorted { $0.id > $1.id }
            return Page(rows: Array(rows.dropFirst(offset).prefix(limit)), total: rows.count)
        }
    }

    func alert(id: Int64) throws -> AlertRecord? {
        locked { alertRows.first { $0.id == id } }
    }

    func notes(alertID: Int64) throws -> [AlertNote] {
        locked { noteRows.filter { $0.alertID == alertID } }
    }

    func hostCase(_ host: IPAddress) throws -> HostCase? {
        locked { storedCase(host) }
    }

    func history(of host: IPAddress, offset: Int, limit: Int) throws -> Page<StoredFlow> {
        locked {
            let rows = flowRows.filter { $0.event.sourceIPs.first == host }.sorted { $0.id > $1.id }
            return Page(rows: Array(rows.dropFirst(offset).prefix(limit)), total: rows.count)
        }
    }

    func timeline(of host: IPAddress, bucket: TimelineBucket) throws -> [TimelinePoint] {
        locked {
            let base = Fixture.now.addingTimeInterval(-30 * bucket.seconds)
            // The oldest ten buckets' flows were pruned: they come from daily summaries.
            return (0..<30).map { index in
                TimelinePoint(start: base.addingTimeInterval(Double(index) * bucket.seconds), flows: (index * 5) % 11,
                              bytesOut: Int64(index * 1000), externalFlows: index % 3,
                              summarizedFlows: index < 10 ? (index * 5) % 11 : 0)
            }
        }
    }

    func exceptions() throws -> [ExceptionRecord] { locked { exceptionRows } }
    func executions(limit: Int) throws -> [ExecutionRecord] { locked { Array(executionRows.prefix(limit)) } }
    func audit(limit: Int) throws -> [AuditEntry] { [] }
    func changeToken() throws -> Int64 { locked { token } }

    // MARK: Writes

    func setStatus(_ status: AlertStatus, alertIDs: [Int64], reason: String?, actor: String) throws -> Int {
        locked {
            statusCalls.append(StatusCall(status: status, alertIDs: alertIDs, reason: reason, actor: actor))
            token += 1
            var changed = 0
            for index in alertRows.indices where alertIDs.contains(alertRows[index].id) && alertRows[index].status != status {
                alertRows[index].status = status
                alertRows[index].closeReason = status == .closed ? reason : nil
                changed += 1
            }
            return changed
        }
    }

    func addNote(alertID: Int64, text: String, actor: String) throws -> AlertNote {
        locked {
            token += 1
            let note = AlertNote(id: Int64(noteRows.count + 1), alertID: alertID, author: actor,
                                 createdAt: Fixture.now, text: text)
            noteRows.append(note)
            if let index = alertRows.firstIndex(where: { $0.id == alertID }) { alertRows[index].noteCount += 1 }
            return note
        }
    }

    func setGuideStep(alertID: Int64, step: Int, checked: Bool, actor: String) throws {
        locked {
            token += 1
            guard let index = alertRows.firstIndex(where: { $0.id == alertID }) else { return }
            if checked { alertRows[index].checkedGuideSteps.insert(step) } else { alertRows[index].checkedGuideSteps.remove(step) }
        }
    }

    func setCaseState(of host: IPAddress, to state: CaseState, verdict: CaseVerdict?, reason: String?,
                      actor: String) throws -> CaseChange {
        try locked {
            guard var hostCase = storedCase(host) else { throw Failure(description: "no host \(host)") }
            let transition = try CaseTransition(from: hostCase.state, to: state, verdict: verdict)
            token += 1
            hostCase.state = state
            hostCase.verdict = verdict
            hostCase.reason = reason
            caseRows[host] = hostCase
            guard let verdict else { return CaseChange(transition: transition, closedAlertIDs: []) }
            var closed: [Int64] = []
            for index in alertRows.indices where source(of: alertRows[index]) == host && alertRows[index].status != .closed {
                alertRows[index].status = .closed
                alertRows[index].closeReason = verdict.description
                closed.append(alertRows[index].id)
            }
            return CaseChange(transition: transition, closedAlertIDs: closed)
        }
    }

    func setCaseGuideStep(of host: IPAddress, step: Int, checked: Bool, actor: String) throws {
        try locked {
            guard var hostCase = storedCase(host) else { throw Failure(description: "no host \(host)") }
            token += 1
            if checked { hostCase.checkedGuideSteps.insert(step) } else { hostCase.checkedGuideSteps.remove(step) }
            caseRows[host] = hostCase
        }
    }

    func addCaseNote(to host: IPAddress, text: String, actor: String) throws -> CaseNote {
        try locked {
            guard var hostCase = storedCase(host) else { throw Failure(description: "no host \(host)") }
            token += 1
            let note = CaseNote(id: Int64(hostCase.notes.count + 1), host: host, author: actor, createdAt: Fixture.now,
                                text: text)
            hostCase.notes.append(note)
            caseRows[host] = hostCase
            return note
        }
    }

    func addException(_ item: ExceptionItem, closeMatching: Bool, actor: String) throws -> ExceptionAddResult {
        locked {
            token += 1
            exceptionCalls.append(ExceptionCall(item: item, closeMatching: closeMatching, actor: actor))
            let record = ExceptionRecord(item: item, suppressedEvents: 0)
            exceptionRows.append(record)
            var closed: [Int64] = []
            if closeMatching {
                for index in alertRows.indices where alertRows[index].status == .open && matches(item, alertRows[index]) {
                    alertRows[index].status = .closed
                    closed.append(alertRows[index].id)
                }
            }
            return ExceptionAddResult(record: record, closedAlertIDs: closed)
        }
    }

    func updateException(_ item: ExceptionItem, actor: String) throws {
        locked {
            token += 1
            if let index = exceptionRows.firstIndex(where: { $0.id == item.id }) { exceptionRows[index].item = item }
        }
    }

    func removeException(id: String, actor: String) throws {
        locked {
            token += 1
            exceptionRows.removeAll { $0.id == id }
        }
    }

    // MARK: Helpers

    private func source(of alert: AlertRecord) -> IPAddress? { alert.flow.event.sourceIPs.first }

    /// The host's case as changed so far, else a new one with the host's current counts.
    private func storedCase(_ host: IPAddress) -> HostCase? {
        if let stored = caseRows[host] { return stored }
        guard let summary = hostRows.first(where: { $0.address == host }).map(counted) else { return nil }
        return HostCase(host: host, hostName: summary.hostName, state: .new, verdict: nil, reason: nil, changedAt: nil,
                        changedBy: nil, resolvedAt: nil, reopening: nil, checkedGuideSteps: [], notes: [],
                        openAlerts: summary.openAlerts, acknowledgedAlerts: summary.acknowledgedAlerts,
                        closedAlerts: summary.closedAlerts, alertNotes: 0)
    }

    private func counted(_ host: HostSummary) -> HostSummary {
        var host = host
        let alerts = alertRows.filter { source(of: $0) == host.address }
        host.openAlerts = alerts.count { $0.status == .open }
        host.acknowledgedAlerts = alerts.count { $0.status == .acknowledged }
        host.closedAlerts = alerts.count { $0.status == .closed }
        host.highestRisk = alerts.map(\.riskScore).max()
        return host
    }

    /// Exception matching for the fixture's single-address and CIDR `ip` entries.
    private func matches(_ item: ExceptionItem, _ alert: AlertRecord) -> Bool {
        item.entries.allSatisfy { entry in
            guard case .match(let text) = entry.value, let prefix = try? IPPrefix(parsing: text) else { return false }
            let addresses = entry.field == "source.ip" ? alert.flow.event.sourceIPs : alert.flow.event.destinationIPs
            return addresses.contains { prefix.contains($0) }
        }
    }
}
