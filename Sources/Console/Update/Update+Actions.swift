import Detection
import TriageModel

extension Update {
    /// Carries out a keymap action on the screen in front.
    static func perform(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
        switch action {
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            return move(&state, action)
        case .open: return open(&state)
        case .back: return goBack(&state)
        case .quit:
            if state.routes.count == 1 {
                state.quitting = true
                return []
            }
            return goBack(&state)
        case .help:
            state.overlay = .help(scroll: 0)
            return []
        case .command:
            state.overlay = .command(TextField())
            return []
        case .refresh: return refresh(&state)
        case .exceptions: return push(&state, .exceptions)
        case .rule: return push(&state, .rule)
        case .history: return openHistory(&state)
        case .nextPane, .previousPane: return switchPane(&state, forward: action == .nextPane)
        case .filter:
            state.overlay = .filter(TextField(state.hosts.filter.text))
            return []
        case .cycleStatusFilter:
            let cycle: [AlertStatus?] = [nil, .open, .acknowledged, .closed]
            let index = cycle.firstIndex(of: state.hosts.filter.status) ?? 0
            state.hosts.filter.status = cycle[(index + 1) % cycle.count]
            return restartHosts(&state)
        case .cycleSort:
            let all = HostSort.allCases
            state.hosts.sort = all[((all.firstIndex(of: state.hosts.sort) ?? 0) + 1) % all.count]
            return restartHosts(&state)
        case .toggleBucket:
            guard var history = state.history else { return [] }
            history.bucket = history.bucket == .hour ? .day : .hour
            history.timeline = []
            state.history = history
            return [.loadTimeline(history.address, history.bucket)]
        case .toggleMetric:
            guard let metric = state.history?.metric else { return [] }
            state.history?.metric = metric == .flows ? .bytesOut : .flows
            return []
        case .mark: return toggleMark(&state)
        case .toggleGuideStep: return toggleGuideStep(&state)
        case .showRaw:
            guard let flow = state.alert?.record?.flow else { return [] }
            state.overlay = .raw(RawRecord(flow, width: OverlayView.rawBox(state.layout).innerWidth))
            return []
        case .acknowledge, .close, .reopen, .acknowledgeHost, .closeHost, .addException, .addNote,
             .newException, .editException, .removeException:
            return triage(&state, action)
        case .submit, .cancel, .nextField, .previousField, .confirm, .decline:
            return []
        }
    }

    /// Shows the hosts list from the top, with a new filter text.
    static func setHostFilterText(_ state: inout ConsoleState, _ text: String) -> [Effect] {
        state.hosts.filter.text = text
        return restartHosts(&state)
    }

    /// After a filter or sort change: back to the first row, then load.
    static func restartHosts(_ state: inout ConsoleState) -> [Effect] {
        state.hosts.list = PagedList()
        state.hosts.activity = [:]
        return reload(state)
    }

    private static func move(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
        let layout = state.layout
        func step(_ cursor: inout ListCursor, visible: Int) {
            switch action {
            case .up: cursor.move(by: -1, visible: visible)
            case .down: cursor.move(by: 1, visible: visible)
            case .pageUp: cursor.move(by: -visible, visible: visible)
            case .pageDown: cursor.move(by: visible, visible: visible)
            case .top: cursor.select(0, visible: visible)
            default: cursor.select(cursor.count - 1, visible: visible)
            }
        }
        let scrollLimit = ScrollExtent.maximum(state)
        func scroll(_ offset: inout Int) {
            let page = layout.textRows
            switch action {
            case .up: offset -= 1
            case .down: offset += 1
            case .pageUp: offset -= page
            case .pageDown: offset += page
            case .top: offset = 0
            default: offset = scrollLimit
            }
            offset = max(0, min(offset, scrollLimit))
        }
        switch state.route {
        case .hosts: step(&state.hosts.list.cursor, visible: layout.hostRows)
        case .host:
            guard var host = state.host else { return [] }
            switch host.pane {
            case .destinations: step(&host.destinationCursor, visible: state.destinationRows)
            case .alerts: step(&host.alerts.cursor, visible: state.hostAlertRows)
            }
            state.host = host
        case .alert:
            guard var alert = state.alert else { return [] }
            if alert.pane == .guide { step(&alert.guideCursor, visible: layout.textRows) } else { scroll(&alert.scroll) }
            state.alert = alert
        case .history:
            guard var history = state.history else { return [] }
            step(&history.flows.cursor, visible: layout.historyRows)
            state.history = history
        case .exceptions: step(&state.exceptions.cursor, visible: layout.exceptionRows)
        case .rule: scroll(&state.ruleScreen.scroll)
        }
        return followUp(state)
    }

    private static func toggleMark(_ state: inout ConsoleState) -> [Effect] {
        guard var host = state.host, case .host = state.route, host.pane == .alerts,
              let alert = host.alerts.selectedRow else { return [] }
        if host.marked.remove(alert.id) == nil { host.marked.insert(alert.id) }
        host.alerts.cursor.move(by: 1, visible: state.hostAlertRows)
        state.host = host
        return followUp(state)
    }

    private static func toggleGuideStep(_ state: inout ConsoleState) -> [Effect] {
        guard let alert = state.alert, let record = alert.record, alert.pane == .guide else { return [] }
        guard !state.readOnly else {
            state.message = readOnlyMessage
            return []
        }
        let step = alert.guideCursor.selected
        return [.setGuideStep(alertID: record.id, step: step, checked: !record.checkedGuideSteps.contains(step))]
    }

    static let readOnlyMessage = StatusMessage.warning("read-only: this console cannot change the store (started with --read-only)")
}
