import Detection
import Foundation
import Store

/// Everything the console shows, as one value: `update` changes it, `view` draws it.
struct ConsoleState: Hashable, Sendable {
    var width: Int
    var height: Int
    var readOnly: Bool
    /// The time `update` stamps new exceptions with; the runtime sets it before each message.
    var now: Date
    var timeZone: TimeZone
    var rule: DetectionRule
    /// The screens opened, home first; the last is in front.
    var routes: [Route] = [.hosts]
    var hosts = HostsState()
    var host: HostState?
    var alert: AlertState?
    var history: HistoryState?
    var exceptions = ExceptionsState()
    var ruleScreen = RuleState()
    var overlay: Overlay?
    var message: StatusMessage?
    var changeToken: Int64?
    /// Set by `:q` / `q` on the home screen: the runtime stops.
    var quitting = false

    var route: Route { routes.last ?? .hosts }
    var layout: Layout { Layout(width: width, height: height) }
}
