import Detection
import Foundation
import TriageModel

/// Everything the console shows, as one value: `update` changes it, `view` draws it.
struct ConsoleState: Hashable, Sendable {
    var width: Int
    var height: Int
    var readOnly: Bool
    /// The time `update` stamps new exceptions with; the runtime sets it before each message.
    var now: Date
    var timeZone: TimeZone
    /// The rule as compiled: its published data (`rule.rule`) and what its query excludes.
    let compiledRule: CompiledRule
    /// What the rule's query can and cannot see, for the rule screen (computed once).
    let coverageNotes: [CoverageNote]
    /// The rule versions of the catalog other than the one running, for the rule screen.
    let otherRuleVersions: [DetectionRule]
    /// The screens opened, home first; the last is in front. Changed through `setRoutes`, which
    /// keeps `host`, `alert` and `history` the states of the topmost routes of their kinds.
    var routes: [Route] = [.hosts]
    /// The states of the host, alert and history screens lower in the stack than one of their
    /// kind for another subject, until going back brings them to front.
    var coveredScreens: [Route: CoveredScreen] = [:]
    var hosts = HostsState()
    var host: HostState?
    var alert: AlertState?
    var history: HistoryState?
    var exceptions = ExceptionsState()
    var ruleScreen = RuleState()
    var overlay: Overlay?
    /// The `/` search, in effect while its screen or overlay is in front.
    var search: Search?
    var message: StatusMessage?
    var changeToken: Int64?
    /// Set by `:q` / `q` on the home screen: the runtime stops.
    var quitting = false

    /// The rule as published.
    var rule: DetectionRule { compiledRule.rule }
    var route: Route { routes.last ?? .hosts }
    var layout: Layout { Layout(width: width, height: height) }
    /// The rows of the host screen's panes, which depend on how many destinations it has.
    var destinationRows: Int { layout.destinationRows(count: host?.destinations.count ?? 0) }
    var hostAlertRows: Int { layout.hostAlertRows(destinationCount: host?.destinations.count ?? 0) }

    /// `catalog`: the rule versions the command loaded; `rule` is the one running.
    init(width: Int, height: Int, readOnly: Bool, now: Date, timeZone: TimeZone, rule: CompiledRule,
         catalog: RuleCatalog) {
        self.width = width
        self.height = height
        self.readOnly = readOnly
        self.now = now
        self.timeZone = timeZone
        compiledRule = rule
        coverageNotes = Detection.coverageNotes(for: rule)
        otherRuleVersions = catalog.all.map(\.rule).filter { $0.version != rule.rule.version }
    }
}
