import Detection
import Foundation
import TriageModel

/// The one in-memory `TriageRepository`, for console tests and console-benchmark's synthetic mode.
///
/// Hosts are held as summaries; a host's rows (`HostRows`) are either given up front (tests: every
/// write applies to them, host counts follow, and every write is recorded) or made on first use by a
/// generator and kept (benchmarks of any size: only the hosts the console opens cost memory).
public final class InMemoryTriageRepository: TriageRepository, @unchecked Sendable {
    /// A status write as the console asked for it, and the alerts it wrote.
    public struct StatusCall: Equatable, Sendable {
        public var status: AlertStatus
        public var named: [Int64]
        public var comingAlong: [Int64]
        /// The alerts written (`AlertStatusChange.written`), ascending.
        public var written: [Int64]
        public var reason: String?
        public var actor: String
    }

    /// An exception added as the console asked for it.
    public struct ExceptionCall: Equatable, Sendable {
        public var item: ExceptionItem
        public var closeMatching: Bool
        public var actor: String
    }

    /// What `hosts` throws while `hostsFailure` is set.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private let lock = NSLock()
    private let now: Date
    private let makeRows: (@Sendable (IPAddress) -> HostRows)?
    private var hostRows: [HostSummary]
    private var hostsInOrder: (sort: HostSort, rows: [HostSummary])?
    private var rowsByHost: [IPAddress: HostRows]
    private var exceptionRows: [ExceptionRecord]
    private var executionRows: [ExecutionRecord]
    private var noteRows: [AlertNote] = []
    private var caseRows: [IPAddress: HostCase] = [:]
    private var auditRows: [AuditEntry] = []
    private var token: Int64 = 1
    private var failure: String?
    private var calls: (status: [StatusCall], exception: [ExceptionCall]) = ([], [])
    private var largestPage = 0
    private var timelineLength = 30

    /// A repository holding every row: alerts and flows go to the host of their source address, and
    /// each host's alert counts and highest risk are counted from its alerts.
    public init(hosts: [HostSummary], destinations: [IPAddress: [DestinationSummary]], alerts: [AlertRecord],
                flows: [StoredFlow], exceptions: [ExceptionRecord] = [], executions: [ExecutionRecord] = [], now: Date) {
        self.now = now
        makeRows = nil
        hostRows = hosts
        exceptionRows = exceptions
        executionRows = executions
        rowsByHost = destinations.mapValues { HostRows(destinations: $0) }
        for alert in alerts { rowsByHost[Self.source(of: alert), default: HostRows()].alerts.append(alert) }
        for flow in flows { rowsByHost[flow.event.sourceIPs.first ?? IPAddress(ipv4: 0), default: HostRows()].flows.append(flow) }
        rowsByHost = rowsByHost.mapValues(Self.newestFirst)
        for host in hosts { recount(host.address) }
    }

    /// A read-mostly repository of `hosts` whose rows `rows` makes when the console first asks for
    /// them; the summaries are shown as given.
    public init(hosts: [HostSummary], now: Date, rows: @escaping @Sendable (IPAddress) -> HostRows) {
        self.now = now
        makeRows = rows
        hostRows = hosts
        rowsByHost = [:]
        exceptionRows = []
        executionRows = []
    }

    // MARK: What tests look at and change

    /// Thrown by `hosts` while set, as a broken store would.
    public var hostsFailure: String? {
        get { locked { failure } }
        set { locked { failure = newValue } }
    }

    /// Every status write, oldest first.
    public var statusCalls: [StatusCall] { locked { calls.status } }
    /// Every exception added, oldest first.
    public var exceptionCalls: [ExceptionCall] { locked { calls.exception } }
    /// The largest `hosts` page asked for.
    public var largestHostPage: Int { locked { largestPage } }
    /// How many buckets, ending now, every host's timeline has.
    public var timelineBuckets: Int {
        get { locked { timelineLength } }
        set { locked { timelineLength = newValue } }
    }

    /// Replaces the bytes a host sent, as new ingest by another process would (the change token moves).
    public func setBytesOut(_ bytes: Int64, of host: IPAddress) {
        locked {
            if let index = hostRows.firstIndex(where: { $0.address == host }) { hostRows[index].bytesOut = bytes }
            changed()
        }
    }

    /// Replaces the audit log (newest first), as other analysts' changes would.
    public func setAudit(_ entries: [AuditEntry]) {
        locked { auditRows = entries }
    }

    /// The alert as stored now.
    public func alertRecord(_ id: Int64) -> AlertRecord? {
        locked { storedAlert(id) }
    }

    // MARK: Reads

    public func hosts(filter: HostFilter, sort: HostSort, reversed: Bool, offset: Int, limit: Int) throws -> Page<HostSummary> {
        try locked {
            if let failure { throw Failure(description: failure) }
            largestPage = max(largestPage, limit)
            return Self.page(listed(filter: filter, sort: sort, reversed: reversed), offset: offset, limit: limit)
        }
    }

    public func host(_ address: IPAddress) throws -> HostSummary? {
        locked { hostRows.first { $0.address == address } }
    }

    public func hostAddresses(named name: String) throws -> [IPAddress] {
        locked {
            func named(_ host: HostSummary, _ matches: (String) -> Bool) -> Bool { host.hostName.map(matches) ?? false }
            let exact = hostRows.filter { named($0) { $0.lowercased() == name.lowercased() } }
            let found = exact.isEmpty && !name.contains(".")
                ? hostRows.filter { named($0) { $0.contains(".") && $0.prefix { $0 != "." }.lowercased() == name.lowercased() } }
                : exact
            return found.map(\.address).sorted { (Self.family($0), $0) < (Self.family($1), $1) }
        }
    }

    public func hostPositions(matching text: String, filter: HostFilter, sort: HostSort, reversed: Bool) throws -> [Int] {
        locked {
            ListSearch.positions(of: listed(filter: filter, sort: sort, reversed: reversed), matching: text, \.searchedText)
        }
    }

    /// The hosts `filter` keeps, in `sort` order.
    private func listed(filter: HostFilter, sort: HostSort, reversed: Bool) -> [HostSummary] {
        var rows = reversed ? sorted(sort).reversed() : sorted(sort)
        if !filter.text.isEmpty {
            rows = rows.filter { "\($0.address)".contains(filter.text) || ($0.hostName ?? "").contains(filter.text) }
        }
        if let status = filter.status { rows = rows.filter { Self.count(status, of: $0) > 0 } }
        if filter.needsAttention { rows = rows.filter(\.needsAttention) }
        return rows
    }

    public func hostActivity(_ host: IPAddress, bucket: TimelineBucket, buckets: Int) throws -> [Int] {
        let seed = Int(host.ipv4Value ?? 7)
        return (0..<buckets).map { ($0 * 7 + seed) % 9 }
    }

    public func destinations(of host: IPAddress) throws -> [DestinationSummary] {
        locked { rows(of: host).destinations }
    }

    public func alerts(_ query: AlertQuery, offset: Int, limit: Int) throws -> Page<AlertRecord> {
        locked {
            let candidates: [AlertRecord] = query.host.map { rows(of: $0).alerts } ?? rowsByHost.values.flatMap(\.alerts)
            var matching = candidates.filter { Self.matches(query, $0) }
            if query.host == nil { matching.sort { $0.id > $1.id } }
            return Self.page(matching, offset: offset, limit: limit)
        }
    }

    /// The alerts `alerts` lists, one row per connection (`AlertRecord.connectionRowKey`), in the
    /// order of each row's first alert there (reversed when `reversed`).
    public func connectionAlerts(_ query: AlertQuery, reversed: Bool, offset: Int, limit: Int) throws -> ConnectionPage {
        let matching = try alerts(query, offset: 0, limit: Int.max).rows
        var keys: [Int64] = []
        var groups: [Int64: [AlertRecord]] = [:]
        for alert in matching {
            let key = alert.connectionRowKey
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(alert)
        }
        let ordered = reversed ? keys.reversed() : keys
        let rows = ordered.dropFirst(max(offset, 0)).prefix(max(limit, 0)).map { Self.connectionRow(groups[$0] ?? []) }
        return ConnectionPage(rows: rows, connections: keys.count, alerts: matching.count)
    }

    public func connectionPositions(_ query: AlertQuery, matching text: String, reversed: Bool) throws -> [Int] {
        let rows = try connectionAlerts(query, reversed: reversed, offset: 0, limit: Int.max).rows
        return ListSearch.positions(of: rows, matching: text, \.searchedText)
    }

    /// The alert with this id among the hosts whose rows are held (a generated host's once opened).
    public func alert(id: Int64) throws -> AlertRecord? {
        locked { storedAlert(id) }
    }

    public func alertStatuses(sharingConnectionWith ids: [Int64]) throws -> [Int64: AlertStatus] {
        locked {
            let chosen = ids.compactMap(storedAlert)
            let keys = Set(chosen.compactMap(\.connection.key))
            let siblings = rowsByHost.values.flatMap(\.alerts).filter { $0.connection.key.map(keys.contains) ?? false }
            return Dictionary((chosen + siblings).map { ($0.id, $0.status) }, uniquingKeysWith: { first, _ in first })
        }
    }

    public func notes(alertID: Int64) throws -> [AlertNote] {
        locked { noteRows.filter { $0.alertID == alertID } }
    }

    public func hostCase(_ host: IPAddress) throws -> HostCase? {
        locked { storedCase(host) }
    }

    public func history(of host: IPAddress, reversed: Bool, offset: Int, limit: Int) throws -> Page<StoredFlow> {
        locked {
            let flows = rows(of: host).flows
            return Self.page(reversed ? flows.reversed() : flows, offset: offset, limit: limit)
        }
    }

    public func historyPositions(of host: IPAddress, matching text: String, reversed: Bool) throws -> [Int] {
        let flows = try history(of: host, reversed: reversed, offset: 0, limit: Int.max).rows
        return ListSearch.positions(of: flows, matching: text, \.searchedText)
    }

    /// `timelineBuckets` buckets (thirty unless a test asks for more) ending now; the oldest ten
    /// count flows pruned into daily summaries.
    public func timeline(of host: IPAddress, bucket: TimelineBucket, last count: Int) throws -> HostTimeline {
        let buckets = timelineBuckets
        let base = now.addingTimeInterval(-Double(buckets) * bucket.seconds)
        let points = (0..<buckets).map { index in
            TimelinePoint(start: base.addingTimeInterval(Double(index) * bucket.seconds), flows: (index * 5) % 11,
                          bytesOut: Int64(index * 1000), externalFlows: index % 3,
                          summarizedFlows: index < 10 ? (index * 5) % 11 : 0)
        }
        return HostTimeline(whole: points, bucket: bucket, last: count)
    }

    /// Oldest first, as the store lists them.
    public func exceptions() throws -> [ExceptionRecord] {
        locked { exceptionRows.sorted { ($0.item.createdAt, $0.id) < ($1.item.createdAt, $1.id) } }
    }

    public func openAlertCount(in scope: ExceptionScope) throws -> Int {
        locked {
            rowsByHost.values.flatMap(\.alerts).count { alert in
                guard alert.status == .open, let destination = alert.flow.event.destinationIPs.first else { return false }
                let source = Self.source(of: alert)
                return switch scope {
                case .destination(let block): block.contains(destination)
                case .source(let block): block.contains(source)
                case .pair(let sources, let destinations): sources.contains(source) && destinations.contains(destination)
                }
            }
        }
    }
    public func executions(limit: Int) throws -> [ExecutionRecord] { locked { Array(executionRows.prefix(limit)) } }
    public func audit(limit: Int) throws -> [AuditEntry] { locked { Array(auditRows.prefix(limit)) } }
    public func changeToken() throws -> Int64 { locked { token } }

    // MARK: Writes

    public func setStatus(_ status: AlertStatus, named: [Int64], comingAlong: [Int64], reason: String?,
                          actor: String) throws -> AlertStatusChange {
        locked {
            // Decided under the lock from the statuses held now, as the store decides in its transaction.
            let current = (named + comingAlong).compactMap(storedAlert).map { ($0.id, $0.status) }
            let change = AlertStatusChange(to: status, alerts: Dictionary(current, uniquingKeysWith: { first, _ in first }),
                                           named: Set(named))
            calls.status.append(StatusCall(status: status, named: named, comingAlong: comingAlong, written: change.written,
                                           reason: reason, actor: actor))
            changed()
            let wanted = Set(change.written)
            updateAlerts { alert in
                guard wanted.contains(alert.id) else { return false }
                alert.status = status
                alert.closeReason = status == .closed ? reason : nil
                return true
            }
            return change
        }
    }

    public func addNote(alertID: Int64, text: String, actor: String) throws -> AlertNote {
        locked {
            changed()
            let note = AlertNote(id: Int64(noteRows.count + 1), alertID: alertID, author: actor, createdAt: now, text: text)
            noteRows.append(note)
            updateAlerts { alert in
                guard alert.id == alertID else { return false }
                alert.noteCount += 1
                return true
            }
            return note
        }
    }

    public func setGuideStep(alertID: Int64, step: Int, checked: Bool, actor: String) throws {
        locked {
            changed()
            updateAlerts { alert in
                guard alert.id == alertID else { return false }
                if checked { alert.checkedGuideSteps.insert(step) } else { alert.checkedGuideSteps.remove(step) }
                return true
            }
        }
    }

    /// Moves the case as `CaseTransition` allows; resolving closes the host's open and
    /// acknowledged alerts with the verdict's words, as the store does.
    public func setCaseState(of host: IPAddress, to state: CaseState, verdict: CaseVerdict?, reason: String?,
                             actor: String) throws -> CaseChange {
        try locked {
            guard var hostCase = storedCase(host) else { throw Failure(description: "\(host) is no case") }
            let transition = try CaseTransition(from: hostCase.state, to: state, verdict: verdict)
            changed()
            hostCase.state = state
            hostCase.verdict = verdict
            hostCase.reason = reason
            showCase(hostCase)
            guard let verdict else { return CaseChange(transition: transition, closedAlertIDs: []) }
            var closed: [Int64] = []
            updateAlerts { alert in
                guard Self.source(of: alert) == host, alert.status != .closed else { return false }
                alert.status = .closed
                alert.closeReason = verdict.description
                closed.append(alert.id)
                return true
            }
            return CaseChange(transition: transition, closedAlertIDs: closed.sorted())
        }
    }

    public func setCaseGuideStep(of host: IPAddress, step: Int, checked: Bool, actor: String) throws {
        try locked {
            guard var hostCase = storedCase(host) else { throw Failure(description: "\(host) is no case") }
            changed()
            if checked { hostCase.checkedGuideSteps.insert(step) } else { hostCase.checkedGuideSteps.remove(step) }
            showCase(hostCase)
        }
    }

    public func addCaseNote(to host: IPAddress, text: String, actor: String) throws -> CaseNote {
        try locked {
            guard var hostCase = storedCase(host) else { throw Failure(description: "\(host) is no case") }
            changed()
            let note = CaseNote(id: Int64(hostCase.notes.count + 1), host: host, author: actor, createdAt: now, text: text)
            hostCase.notes.append(note)
            showCase(hostCase)
            return note
        }
    }

    public func addException(_ item: ExceptionItem, closeMatching: Bool, actor: String) throws -> ExceptionAddResult {
        locked {
            changed()
            calls.exception.append(ExceptionCall(item: item, closeMatching: closeMatching, actor: actor))
            let record = ExceptionRecord(item: item, suppressedEvents: 0)
            exceptionRows.append(record)
            var closed: [Int64] = []
            if closeMatching {
                updateAlerts { alert in
                    guard alert.status == .open, Self.matches(item, alert) else { return false }
                    alert.status = .closed
                    closed.append(alert.id)
                    return true
                }
            }
            return ExceptionAddResult(record: record, closedAlertIDs: closed.sorted())
        }
    }

    public func updateException(_ item: ExceptionItem, actor: String) throws {
        locked {
            changed()
            if let index = exceptionRows.firstIndex(where: { $0.id == item.id }) { exceptionRows[index].item = item }
        }
    }

    public func removeException(id: String, actor: String) throws {
        locked {
            changed()
            exceptionRows.removeAll { $0.id == id }
        }
    }

    // MARK: Helpers

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private func changed() {
        token += 1
        hostsInOrder = nil
    }

    /// The host's case as changed so far, else the one its row's `caseProgress` describes (a new
    /// one when none), with the host's current counts; nil for a host without alerts.
    private func storedCase(_ host: IPAddress) -> HostCase? {
        if let stored = caseRows[host] { return stored }
        guard let summary = hostRows.first(where: { $0.address == host }),
              summary.openAlerts + summary.acknowledgedAlerts + summary.closedAlerts > 0 else { return nil }
        let progress = summary.caseProgress
        let reopening = progress?.reopenedBy.map { CaseReopening(at: now, previousVerdict: .falsePositive, newAlerts: $0) }
        return HostCase(host: host, hostName: summary.hostName, state: progress?.state ?? .new, verdict: progress?.verdict,
                        reason: nil, changedAt: nil, changedBy: nil, resolvedAt: reopening == nil ? nil : now - 86400,
                        reopening: reopening, checkedGuideSteps: Set(0..<(progress?.checkedGuideSteps ?? 0)), notes: [],
                        openAlerts: summary.openAlerts, acknowledgedAlerts: summary.acknowledgedAlerts,
                        closedAlerts: summary.closedAlerts, alertNotes: 0)
    }

    private func rows(of host: IPAddress) -> HostRows {
        if let rows = rowsByHost[host] { return rows }
        let rows = Self.newestFirst(makeRows?(host) ?? HostRows())
        rowsByHost[host] = rows
        return rows
    }

    private func storedAlert(_ id: Int64) -> AlertRecord? {
        for rows in rowsByHost.values {
            if let alert = rows.alerts.first(where: { $0.id == id }) { return alert }
        }
        return nil
    }

    /// Applies `change` to every held alert; returns how many it changed, and recounts their hosts.
    @discardableResult
    private func updateAlerts(_ change: (inout AlertRecord) -> Bool) -> Int {
        var changedCount = 0
        for host in rowsByHost.keys {
            var hostChanged = false
            for index in rowsByHost[host]!.alerts.indices where change(&rowsByHost[host]!.alerts[index]) {
                changedCount += 1
                hostChanged = true
            }
            if hostChanged { recount(host) }
        }
        return changedCount
    }

    private func recount(_ host: IPAddress) {
        guard let index = hostRows.firstIndex(where: { $0.address == host }) else { return }
        let alerts = rowsByHost[host]?.alerts ?? []
        hostRows[index].openAlerts = alerts.count { $0.status == .open }
        hostRows[index].acknowledgedAlerts = alerts.count { $0.status == .acknowledged }
        hostRows[index].closedAlerts = alerts.count { $0.status == .closed }
        hostRows[index].highestRisk = alerts.map(\.riskScore).max()
        hostRows[index].ranking.openAlerts = hostRows[index].openAlerts
        hostRows[index].ranking.acknowledgedAlerts = hostRows[index].acknowledgedAlerts
        hostRows[index].ranking.isResolvedCase = hostRows[index].caseProgress?.state == .resolved
    }

    /// Puts a changed case on its host's row, as the store's hosts query reads it.
    private func showCase(_ hostCase: HostCase) {
        caseRows[hostCase.host] = hostCase
        guard let index = hostRows.firstIndex(where: { $0.address == hostCase.host }) else { return }
        hostRows[index].caseProgress = CaseProgress(state: hostCase.state, verdict: hostCase.verdict,
                                                    checkedGuideSteps: hostCase.checkedGuideSteps.count,
                                                    reopenedBy: hostCase.reopening?.newAlerts)
        recount(hostCase.host)
    }

    private func sorted(_ sort: HostSort) -> [HostSummary] {
        if let hostsInOrder, hostsInOrder.sort == sort { return hostsInOrder.rows }
        let rows = hostRows.sorted { lhs, rhs in
            switch sort {
            case .attention: (lhs.ranking.score, Self.family(rhs.address), rhs.address)
                > (rhs.ranking.score, Self.family(lhs.address), lhs.address)
            case .bytesOut: lhs.bytesOut > rhs.bytesOut
            case .lastSeen: lhs.lastSeen > rhs.lastSeen
            case .address: (Self.family(lhs.address), lhs.address) < (Self.family(rhs.address), rhs.address)
            case .destinations: lhs.externalDestinations > rhs.externalDestinations
            }
        }
        hostsInOrder = (sort, rows)
        return rows
    }

    /// The store orders addresses by family first: every IPv4 address before every IPv6 one.
    private static func family(_ address: IPAddress) -> Int { address.isIPv4 ? 0 : 1 }

    /// Alerts and flows are held newest (highest id) first, the order the store returns them in.
    private static func newestFirst(_ rows: HostRows) -> HostRows {
        var rows = rows
        rows.alerts.sort { $0.id > $1.id }
        rows.flows.sort { $0.id > $1.id }
        return rows
    }

    /// One connection's row made from its alerts as the store makes it from its tables: the
    /// first alert's record, the widest span and the largest byte counts any record gave.
    private static func connectionRow(_ alerts: [AlertRecord]) -> ConnectionAlerts {
        let sorted = alerts.sorted { $0.id < $1.id }
        let first = sorted[0]
        let events = sorted.map(\.flow.event)
        let starts = sorted.map { $0.flow.event.start ?? $0.flow.event.timestamp ?? $0.createdAt }
        let ends = sorted.map { $0.flow.event.end ?? $0.flow.event.timestamp ?? $0.createdAt }
        return ConnectionAlerts(
            key: first.connection.key, alertStatuses: Dictionary(uniqueKeysWithValues: sorted.map { ($0.id, $0.status) }),
            riskScore: sorted.map(\.riskScore).max() ?? first.riskScore, noteCount: sorted.map(\.noteCount).reduce(0, +),
            flow: first.flow, reason: first.reason, closeReason: first.closeReason,
            firstSeen: starts.min() ?? first.createdAt, lastSeen: ends.max() ?? first.createdAt,
            bytesSent: max(0, events.compactMap(\.sourceBytes).max() ?? 0),
            bytesReceived: max(0, events.compactMap(\.destinationBytes).max() ?? 0),
            sensors: first.connection.key == nil ? [first.flow.event.sensorName] : first.connection.sensors)
    }

    private static func page<Row>(_ rows: [Row], offset: Int, limit: Int) -> Page<Row> {
        Page(rows: Array(rows.dropFirst(offset).prefix(limit)), total: rows.count)
    }

    private static func count(_ status: AlertStatus, of host: HostSummary) -> Int {
        switch status {
        case .open: host.openAlerts
        case .acknowledged: host.acknowledgedAlerts
        case .closed: host.closedAlerts
        }
    }

    private static func source(of alert: AlertRecord) -> IPAddress {
        alert.flow.event.sourceIPs.first ?? IPAddress(ipv4: 0)
    }

    private static func matches(_ query: AlertQuery, _ alert: AlertRecord) -> Bool {
        if let status = query.status, alert.status != status { return false }
        if let destination = query.destination, alert.flow.event.destinationIPs.first != destination { return false }
        guard let since = query.since else { return true }
        return (alert.flow.event.timestamp ?? .distantPast) >= since
    }

    /// Exception matching for single-address and CIDR `ip` entries.
    private static func matches(_ item: ExceptionItem, _ alert: AlertRecord) -> Bool {
        item.entries.allSatisfy { entry in
            guard case .match(let text) = entry.value, let prefix = try? IPPrefix(parsing: text) else { return false }
            let addresses = entry.field == "source.ip" ? alert.flow.event.sourceIPs : alert.flow.event.destinationIPs
            return addresses.contains { prefix.contains($0) }
        }
    }
}
