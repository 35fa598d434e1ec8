import Detection
import Foundation
import TriageModel

/// Work `update` asks for: a repository read or write. `ConsoleRuntime` runs effects and feeds the
/// results back as `Msg`s; tests compare them as values.
enum Effect: Hashable, Sendable {
    case loadHosts(HostFilter, HostSort, reversed: Bool, offset: Int, limit: Int)
    /// Sparklines for these hosts.
    case loadActivity([IPAddress])
    /// Where the rows matching a search sit in the whole list.
    case findInList(SearchedList, String)
    /// The hosts a `:host` or `:history` argument names: the host of that address, else the hosts
    /// of that hostname (`TriageRepository.hostAddresses(named:)`).
    case findHost(String, opening: Route.HostScreen)
    /// The host's destinations.
    case loadDestinations(IPAddress)
    /// The host's case: state, verdict, checklist, notes.
    case loadHostCase(IPAddress)
    /// A page of the host's alerts, one row per connection, newest first (oldest first when `reversed`).
    case loadConnections(AlertQuery, reversed: Bool, offset: Int, limit: Int)
    /// The alert, its notes and the other alerts of its connection.
    case loadAlert(Int64)
    case loadHistory(IPAddress, reversed: Bool, offset: Int, limit: Int)
    /// The host's timeline: its last `last` buckets and its whole history's totals.
    case loadTimeline(IPAddress, TimelineBucket, last: Int)
    case loadExceptions
    /// The open alerts an exception of this scope would close (the exception form's preview).
    case countOpenAlerts(ExceptionScope)
    case loadExecutions(limit: Int)
    /// The audit log's newest entries.
    case loadAudit(limit: Int)
    /// Reads the change token; `reload` says whether a changed token reloads the screen.
    case pollChangeToken(reload: Bool)
    /// Sets exactly the alerts `AlertTargets.ids` to its change's status.
    case setStatus(AlertTargets, reason: String?)
    /// Sets the status of every open alert of the host.
    case setHostStatus(IPAddress, AlertStatus, reason: String?)
    case addNote(alertID: Int64, text: String)
    case setGuideStep(alertID: Int64, step: Int, checked: Bool)
    /// Moves the host's case; resolving (with a verdict) closes its open and acknowledged alerts.
    case setCaseState(IPAddress, CaseState, verdict: CaseVerdict?, reason: String?)
    case addCaseNote(IPAddress, text: String)
    /// Adds an exception item authored by the runtime's actor; the runner gives it a fresh UUID id,
    /// so `update` stays pure and two items never share an id.
    case addException(ExceptionScope, comment: String, createdAt: Date, expiresAt: Date?, closeMatching: Bool)
    case updateException(ExceptionItem)
    case removeException(id: String)
}
