import Detection
import Foundation

/// Everything the console and the triage commands ask of the store: reads for each screen and
/// the triage writes (each written to the audit log as `actor`). `SMBStore` implements it over
/// SQLite; console tests may use a fake.
public protocol TriageRepository: Sendable {
    // MARK: Reads
    /// A page of the hosts `filter` keeps, in `sort` order (its exact reverse when `reversed`).
    func hosts(filter: HostFilter, sort: HostSort, reversed: Bool, offset: Int, limit: Int) throws -> Page<HostSummary>
    /// The positions, in the list's order, of the hosts `filter` keeps whose address or hostname
    /// contains `text` (ignoring ASCII case): a `/` search over the whole list, not only the rows loaded.
    func hostPositions(matching text: String, filter: HostFilter, sort: HostSort, reversed: Bool) throws -> [Int]
    /// SMB flows per bucket over the host's most recent `buckets` buckets, oldest first (sparkline).
    func hostActivity(_ host: IPAddress, bucket: TimelineBucket, buckets: Int) throws -> [Int]
    /// The host's row as the hosts list shows it; nil for an address the store holds no host of.
    func host(_ address: IPAddress) throws -> HostSummary?
    /// The addresses of the hosts whose hostname is `name` (ignoring ASCII case), in address
    /// order; when none is, of those whose fully qualified name starts with it as its first
    /// label (`ws-113` finds `WS-113.corp.example`).
    func hostAddresses(named name: String) throws -> [IPAddress]
    func destinations(of host: IPAddress) throws -> [DestinationSummary]
    func alerts(_ query: AlertQuery, offset: Int, limit: Int) throws -> Page<AlertRecord>
    /// A page of the alerts `query` selects, one row per connection (`AlertRecord.connectionRowKey`),
    /// the row with the newest alert first (the order of each row's first alert in `alerts`), or
    /// the exact reverse when `reversed`.
    func connectionAlerts(_ query: AlertQuery, reversed: Bool, offset: Int, limit: Int) throws -> ConnectionPage
    /// The positions, in `connectionAlerts`' order (`reversed` or not), of the rows `query` selects
    /// whose `ConnectionAlerts.searchedText` contains `text` (ignoring ASCII case): a `/` search of a
    /// host's alerts over the whole list.
    func connectionPositions(_ query: AlertQuery, matching text: String, reversed: Bool) throws -> [Int]
    func alert(id: Int64) throws -> AlertRecord?
    /// `ids` and every other alert on the same connection, each with its status (an action on one
    /// connection's row applies to its alerts as `AlertStatusChange` decides). Unknown ids, and
    /// statuses this build does not know, are left out.
    func alertStatuses(sharingConnectionWith ids: [Int64]) throws -> [Int64: AlertStatus]
    func notes(alertID: Int64) throws -> [AlertNote]
    /// The host's case (state, verdict, checklist, notes, reopening); nil when the host is none.
    func hostCase(_ host: IPAddress) throws -> HostCase?
    /// Every SMB flow of the host, internal and external, newest first (oldest first when `reversed`).
    func history(of host: IPAddress, reversed: Bool, offset: Int, limit: Int) throws -> Page<StoredFlow>
    /// The positions, in `history`'s order, of the host's flows whose `StoredFlow.searchedText`
    /// contains `text` (ignoring ASCII case): a `/` search of the history over the whole list.
    func historyPositions(of host: IPAddress, matching text: String, reversed: Bool) throws -> [Int]
    /// The host's activity in buckets of `bucket`: the buckets with flows among the last `count`
    /// bucket widths up to its newest bucket with flows, and its whole history's totals.
    func timeline(of host: IPAddress, bucket: TimelineBucket, last count: Int) throws -> HostTimeline
    func exceptions() throws -> [ExceptionRecord]
    /// How many open alerts an exception of `scope` would close now: those whose host and
    /// destination fall in its blocks (the exception form's preview; read from per-destination
    /// counts, so it costs no scan of the alerts).
    func openAlertCount(in scope: ExceptionScope) throws -> Int
    func executions(limit: Int) throws -> [ExecutionRecord]
    func audit(limit: Int) throws -> [AuditEntry]
    /// Changes whenever another connection or process commits; the console polls it to refresh.
    func changeToken() throws -> Int64

    // MARK: Triage writes
    /// Moves the alerts `named` (whatever their status) and those `comingAlong` (forward only) to
    /// `status`, as `AlertStatusChange` decides from their statuses read in the write's own
    /// transaction, so a change another writer made since the caller read them is respected.
    /// Returns the change: what was written, held and found done. Unknown ids are left out.
    @discardableResult
    func setStatus(_ status: AlertStatus, named: [Int64], comingAlong: [Int64], reason: String?,
                   actor: String) throws -> AlertStatusChange
    @discardableResult
    func addNote(alertID: Int64, text: String, actor: String) throws -> AlertNote
    /// Ticks or clears a guide step on the case of the alert's host (the checklist is the case's).
    func setGuideStep(alertID: Int64, step: Int, checked: Bool, actor: String) throws
    /// Moves the host's case as `CaseTransition` allows; resolving (a verdict is required) closes
    /// the host's open and acknowledged alerts with the verdict as the reason.
    @discardableResult
    func setCaseState(of host: IPAddress, to state: CaseState, verdict: CaseVerdict?, reason: String?,
                      actor: String) throws -> CaseChange
    func setCaseGuideStep(of host: IPAddress, step: Int, checked: Bool, actor: String) throws
    @discardableResult
    func addCaseNote(to host: IPAddress, text: String, actor: String) throws -> CaseNote
    /// Adds an exception item; with `closeMatching`, closes the open alerts the item matches.
    func addException(_ item: ExceptionItem, closeMatching: Bool, actor: String) throws -> ExceptionAddResult
    func updateException(_ item: ExceptionItem, actor: String) throws
    func removeException(id: String, actor: String) throws
}

extension TriageRepository {
    /// A page of the hosts `filter` keeps, in `sort` order.
    public func hosts(filter: HostFilter, sort: HostSort, offset: Int, limit: Int) throws -> Page<HostSummary> {
        try hosts(filter: filter, sort: sort, reversed: false, offset: offset, limit: limit)
    }

    /// A page of the alerts `query` selects, one row per connection, the row with the newest alert first.
    public func connectionAlerts(_ query: AlertQuery, offset: Int, limit: Int) throws -> ConnectionPage {
        try connectionAlerts(query, reversed: false, offset: offset, limit: limit)
    }

    /// Every SMB flow of the host, internal and external, newest first.
    public func history(of host: IPAddress, offset: Int, limit: Int) throws -> Page<StoredFlow> {
        try history(of: host, reversed: false, offset: offset, limit: limit)
    }
}
