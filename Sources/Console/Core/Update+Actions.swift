import Detection
import TriageModel

extension Update {
    /// Carries out a keymap action on the screen in front.
    static func perform(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
        switch action {
        case .up, .down, .pageUp, .pageDown, .halfPageUp, .halfPageDown, .top, .bottom:
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
        case .cycleStatusFilter: return cycleHostStatusFilter(&state)
        case .toggleAllHosts: return toggleAllHosts(&state)
        case .cycleAlertStatusFilter: return cycleAlertStatusFilter(&state)
        case .cycleSort: return cycleHostSort(&state)
        case .reverseSort: return reverseOrder(&state)
        case .toggleBucket: return toggleBucket(&state)
        case .toggleMetric: return toggleMetric(&state)
        case .mark: return toggleMark(&state)
        case .markRange: return markRange(&state)
        case .markAll: return markAllInView(&state)
        case .toggleGuideStep: return toggleGuideStep(&state)
        case .showRaw: return showRaw(&state)
        case .caseNotes: return openCaseNotes(&state)
        case .nextConnectionAlert, .previousConnectionAlert:
            return stepConnectionAlert(&state, forward: action == .nextConnectionAlert)
        case .acknowledge, .close, .reopen, .acknowledgeHost, .closeHost, .setCaseState, .resolveCase, .addCaseNote, .addException, .addNote,
             .newException, .editException, .removeException:
            return triage(&state, action)
        case .submit, .cancel, .complete, .nextField, .previousField, .confirm, .decline,
             .search, .nextMatch, .previousMatch, .clearSearch, .togglePretty:
            return []
        }
    }

    private static func move(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
        let layout = state.layout
        func step(_ cursor: inout ListCursor, visible: Int) {
            switch action {
            case .up: cursor.move(by: -1, visible: visible)
            case .down: cursor.move(by: 1, visible: visible)
            case .pageUp: cursor.move(by: -visible, visible: visible)
            case .pageDown: cursor.move(by: visible, visible: visible)
            case .halfPageUp: cursor.move(by: -max(1, visible / 2), visible: visible)
            case .halfPageDown: cursor.move(by: max(1, visible / 2), visible: visible)
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
            case .halfPageUp: offset -= max(1, page / 2)
            case .halfPageDown: offset += max(1, page / 2)
            case .top: offset = 0
            default: offset = scrollLimit
            }
            offset = max(0, min(offset, scrollLimit))
        }
        if let area = state.focusedListArea {
            withCursor(of: area, in: &state, step)
            return followUp(state)
        }
        switch state.route {
        case .alert:
            guard var alert = state.alert else { return [] }
            if alert.pane == .guide { step(&alert.guideCursor, visible: layout.textRows) } else { scroll(&alert.scroll) }
            state.alert = alert
        case .rule: scroll(&state.ruleScreen.scroll)
        case .hosts, .host, .history, .exceptions: break
        }
        return followUp(state)
    }

    /// The status filter after `current`: all, open, acknowledged, closed, all …
    static func nextStatusFilter(after current: AlertStatus?) -> AlertStatus? {
        let cycle: [AlertStatus?] = [nil, .open, .acknowledged, .closed]
        return cycle[((cycle.firstIndex(of: current) ?? 0) + 1) % cycle.count]
    }

    static let readOnlyMessage = StatusMessage.warning("read-only: this console cannot change the store (started with --read-only)")
}
