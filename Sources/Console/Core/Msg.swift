import Detection
import ScreenCore
import TriageModel

/// Everything that changes the state: the terminal's input and the results of effects.
enum Msg: Sendable {
    case input(InputEvent)
    case hostsLoaded(offset: Int, Page<HostSummary>)
    case activityLoaded([IPAddress: [Int]])
    case listMatchesFound(SearchedList, query: String, [Int])
    /// The hosts the argument `text` of `:host` or `:history` names (none, one, or several).
    case hostsFound(String, opening: Route.HostScreen, [HostSummary])
    case destinationsLoaded(IPAddress, [DestinationSummary])
    case hostCaseLoaded(IPAddress, HostCase?)
    case connectionsLoaded(AlertQuery, reversed: Bool, offset: Int, ConnectionPage)
    /// `connection`: every alert of the alert's connection, itself included, each with its status as read.
    case alertLoaded(id: Int64, AlertRecord?, notes: [AlertNote], connection: [Int64: AlertStatus])
    case historyLoaded(IPAddress, offset: Int, Page<StoredFlow>)
    case timelineLoaded(IPAddress, TimelineBucket, HostTimeline)
    case exceptionsLoaded([ExceptionRecord])
    case openAlertsCounted(ExceptionScope, Int)
    case executionsLoaded([ExecutionRecord])
    case auditLoaded([AuditEntry])
    case changeTokenRead(Int64, reload: Bool)
    /// The store wrote `change`; `targets` when it was a status key's (nil for a host's alerts).
    case statusSet(AlertStatusChange, targets: AlertTargets?)
    case noteAdded(AlertNote)
    case guideStepSet(alertID: Int64, step: Int, checked: Bool)
    case caseStateSet(IPAddress, CaseChange)
    case caseNoteAdded(CaseNote)
    case exceptionAdded(ExceptionAddResult)
    case exceptionUpdated(ExceptionItem)
    case exceptionRemoved(id: String)
    /// An effect failed; `context` says what was attempted.
    case failed(context: String, error: String)
}
