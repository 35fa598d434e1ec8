import Detection
import TriageModel

extension Update {
    /// The effects that (re)load the screen in front, keeping selections.
    static func reload(_ state: ConsoleState) -> [Effect] {
        let layout = state.layout
        switch state.route {
        case .hosts:
            let page = state.hosts.list.reloadPage(visible: layout.hostRows)
            return [.loadHosts(state.hosts.filter, state.hosts.sort, offset: page.offset, limit: page.limit)]
        case .host(let address):
            guard let host = state.host else { return [] }
            let page = host.alerts.reloadPage(visible: state.hostAlertRows)
            return [.loadDestinations(address), .loadAlerts(host.alertQuery, offset: page.offset, limit: page.limit)]
        case .alert(let id):
            return [.loadAlert(id)]
        case .history(let address):
            guard let history = state.history else { return [] }
            let page = history.flows.reloadPage(visible: layout.historyRows)
            return [.loadTimeline(address, history.bucket), .loadHistory(address, offset: page.offset, limit: page.limit)]
        case .exceptions:
            return [.loadExceptions]
        case .rule:
            return [.loadExecutions(limit: RuleState.executionLimit)]
        }
    }

    /// Reloads after the store changed underneath: sparklines are fetched afresh too.
    static func refresh(_ state: inout ConsoleState) -> [Effect] {
        state.hosts.activity = [:]
        return reload(state)
    }

    /// The pages the lists in front still miss after their cursors moved, and the sparklines of the
    /// visible hosts.
    static func followUp(_ state: ConsoleState) -> [Effect] {
        let layout = state.layout
        switch state.route {
        case .hosts:
            let hosts = state.hosts
            if let page = hosts.list.missingPage(visible: layout.hostRows) {
                return [.loadHosts(hosts.filter, hosts.sort, offset: page.offset, limit: page.limit)]
            }
            let missing = hosts.list.cursor.visibleRange(layout.hostRows)
                .compactMap { hosts.list.row(at: $0)?.address }
                .filter { hosts.activity[$0] == nil }
            return missing.isEmpty ? [] : [.loadActivity(missing)]
        case .host:
            guard let host = state.host, let page = host.alerts.missingPage(visible: state.hostAlertRows) else { return [] }
            return [.loadAlerts(host.alertQuery, offset: page.offset, limit: page.limit)]
        case .history(let address):
            guard let history = state.history, let page = history.flows.missingPage(visible: layout.historyRows) else { return [] }
            return [.loadHistory(address, offset: page.offset, limit: page.limit)]
        case .alert, .exceptions, .rule:
            return []
        }
    }

    /// Applies the result of a read, if it still belongs to what is on screen.
    static func applyLoaded(_ state: inout ConsoleState, _ msg: Msg) -> [Effect] {
        let layout = state.layout
        switch msg {
        case .hostsLoaded(let offset, let page):
            state.hosts.list.apply(rows: page.rows, offset: offset, total: page.total, visible: layout.hostRows)
            let loaded = Set(page.rows.map(\.address))
            state.hosts.activity = state.hosts.activity.filter { loaded.contains($0.key) }
        case .activityLoaded(let activity):
            state.hosts.activity.merge(activity) { $1 }
        case .destinationsLoaded(let address, let destinations):
            guard state.host?.address == address else { return [] }
            let selected = state.host?.selectedDestination?.address
            state.host?.destinations = destinations
            if let selected, let index = destinations.firstIndex(where: { $0.address == selected }) {
                state.host?.destinationCursor.selected = index
            }
            let visible = state.destinationRows
            state.host?.destinationCursor.resize(count: destinations.count, visible: visible)
        case .alertsLoaded(let query, let offset, let page):
            guard state.host?.alertQuery == query else { return [] }
            let visible = state.hostAlertRows
            state.host?.alerts.apply(rows: page.rows, offset: offset, total: page.total, visible: visible)
        case .alertLoaded(let id, let record, let notes):
            guard state.alert?.id == id else { return [] }
            state.alert?.record = record
            state.alert?.notes = notes
            state.alert?.isLoaded = true
            let steps = state.rule.investigationGuide.steps.count
            state.alert?.guideCursor.resize(count: steps, visible: layout.textRows)
        case .historyLoaded(let address, let offset, let page):
            guard state.history?.address == address else { return [] }
            state.history?.flows.apply(rows: page.rows, offset: offset, total: page.total, visible: layout.historyRows)
        case .timelineLoaded(let address, let bucket, let points):
            guard state.history?.address == address, state.history?.bucket == bucket else { return [] }
            state.history?.timeline = points
        case .exceptionsLoaded(let records):
            let selected = state.exceptions.selected?.id
            state.exceptions.records = records
            state.exceptions.exceptionGuard = ExceptionGuard(rule: state.compiledRule, existing: records.map(\.item),
                                                             now: state.now)
            state.exceptions.isLoaded = true
            if let selected, let index = records.firstIndex(where: { $0.id == selected }) {
                state.exceptions.cursor.selected = index
            }
            state.exceptions.cursor.resize(count: records.count, visible: layout.exceptionRows)
        case .executionsLoaded(let executions):
            state.ruleScreen.executions = executions
            state.ruleScreen.isLoaded = true
        default:
            return []
        }
        return followUp(state)
    }
}
