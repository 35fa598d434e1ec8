import Detection
import TriageModel

/// A paged list whose `/` search the store answers over the whole list, with everything that
/// orders and filters it: the store's matches stand only for the list they were found in.
enum SearchedList: Hashable, Sendable {
    case hosts(HostFilter, HostSort, reversed: Bool)
    case history(IPAddress, reversed: Bool)
    /// A host's alerts, one row per connection.
    case connections(AlertQuery, reversed: Bool)

    /// The paged list in front whose search the store answers, if the screen in front has one.
    static func inFront(_ state: ConsoleState) -> SearchedList? {
        guard state.overlay == nil else { return nil }
        switch state.route {
        case .hosts:
            return .hosts(state.hosts.filter, state.hosts.sort, reversed: state.hosts.reversed)
        case .history:
            return state.history.map { .history($0.address, reversed: $0.order.reversed) }
        case .host:
            guard let host = state.host, host.pane == .alerts else { return nil }
            return .connections(host.alertQuery, reversed: host.alertOrder.reversed)
        case .alert, .exceptions, .rule:
            return nil
        }
    }
}
