import ScreenCore
import TriageModel

/// `/` search on every screen and in the help and raw-record overlays: typing finds the first match
/// from where the view was, `n`/`N` go to the next and previous match, Esc clears.
extension Update {
    /// What a search started now would look through, or nil when a prompt, form or confirmation is in front.
    static func searchScope(_ state: ConsoleState) -> Search.Scope? {
        switch state.overlay {
        case nil: .screen(state.route)
        case .help: .help
        case .raw: .raw
        case .audit: .audit
        case .caseNotes: .caseNotes
        case .command, .filter, .form, .confirm: nil
        }
    }

    /// The search of what is in front, if there is one.
    static func activeSearch(_ state: ConsoleState) -> Search? {
        guard let search = state.search, search.scope == searchScope(state) else { return nil }
        return search
    }

    /// `/`: a new, empty search of what is in front.
    static func startSearch(_ state: inout ConsoleState) -> [Effect] {
        guard let scope = searchScope(state) else { return [] }
        state.search = Search(scope: scope, origin: searchText(state)?.position ?? 0)
        return []
    }

    /// Takes a key while a search is being typed (`editing`) or shown; nil when the key is not the search's.
    static func handleSearchKey(_ state: inout ConsoleState, _ key: Key, action: Action?) -> [Effect]? {
        guard var search = activeSearch(state) else { return nil }
        if search.isEditing {
            switch action {
            case .submit:
                search.isEditing = false
                state.search = search.query.isEmpty ? nil : search
                return []
            case .cancel:
                state.search = nil
                return []
            default:
                guard search.field.edit(key) else { return [] }
                state.search = search
                let find = refindInStore(&state)
                guard let text = searchText(state), let line = Search.first(from: search.origin, in: text.matches(search.query))
                else { return find }
                return jump(&state, to: line) + find
            }
        }
        switch action {
        case .nextMatch, .previousMatch:
            guard let text = searchText(state),
                  let line = Search.step(from: text.position(of: search), in: text.matches(search.query),
                                         forward: action == .nextMatch)
            else { return findAgain(state) }
            return jump(&state, to: line) + findAgain(state)
        case .clearSearch:
            state.search = nil
            return []
        default:
            return nil
        }
    }

    /// `match 3 of 12` for the search in front.
    static func searchProgress(_ state: ConsoleState) -> String {
        guard let search = activeSearch(state), !search.query.isEmpty, let text = searchText(state) else { return "" }
        return Search.progress(position: text.position(of: search), matches: text.matches(search.query))
    }

    /// The lines a search looks through in front.
    static func searchText(_ state: ConsoleState) -> SearchText? {
        let theme = Theme(color: false)
        switch state.overlay {
        case .help(let scroll):
            let lines = HelpView.helpLines(box: HelpView.helpBox(state.layout), theme: theme)
            return SearchText(lines: lines.map(\.text), position: scroll, isText: true)
        case .raw(let record):
            return SearchText(lines: record.lines, position: record.scroll, isText: true)
        case .audit(let log):
            return SearchText(lines: AuditView.lines(log, state, theme: theme).map(\.text), position: log.scroll, isText: true)
        case .caseNotes(let scroll):
            return SearchText(lines: CaseNotesView.lines(state, theme: theme).map(\.text), position: scroll, isText: true)
        case .command, .filter, .form, .confirm:
            return nil
        case nil:
            break
        }
        switch state.route {
        case .hosts:
            let list = state.hosts.list
            return SearchText(lines: list.rows.map(\.searchedText), offset: list.windowOffset,
                              position: list.cursor.selected, storeMatches: currentStoreMatches(state))
        case .host:
            guard let host = state.host else { return nil }
            switch host.pane {
            case .destinations:
                return SearchText(lines: host.destinations.map { "\($0.address)" }, position: host.destinationCursor.selected)
            case .alerts:
                return SearchText(lines: host.alerts.rows.map(\.searchedText), offset: host.alerts.windowOffset,
                                  position: host.alerts.cursor.selected, storeMatches: currentStoreMatches(state))
            }
        case .alert:
            guard let alert = state.alert, let record = alert.record else { return nil }
            let lines = AlertView.paneLines(alert, record, state, theme: theme).lines
            return SearchText(lines: lines.map(\.text), position: alert.scroll, isText: true)
        case .history:
            guard let flows = state.history?.flows else { return nil }
            return SearchText(lines: flows.rows.map(\.searchedText), offset: flows.windowOffset, position: flows.cursor.selected,
                              storeMatches: currentStoreMatches(state))
        case .exceptions:
            let lines = state.exceptions.records.map { "\(ExceptionText.scope($0.item)) \($0.item.comment)" }
            return SearchText(lines: lines, position: state.exceptions.cursor.selected)
        case .rule:
            let lines = RuleView.lines(state, width: state.width, theme: theme)
            return SearchText(lines: lines.map(\.text), position: state.ruleScreen.scroll, isText: true)
        }
    }

    /// Moves the cursor (lists) or the scroll (text) to line `line`.
    static func jump(_ state: inout ConsoleState, to line: Int) -> [Effect] {
        state.search?.current = line
        let limit = ScrollExtent.maximum(state)
        switch state.overlay {
        case .help:
            state.overlay = .help(scroll: min(line, limit))
            return []
        case .raw(var record):
            record.scroll = min(line, limit)
            state.overlay = .raw(record)
            return []
        case .audit(var log):
            log.scroll = min(line, limit)
            state.overlay = .audit(log)
            return []
        case .caseNotes:
            state.overlay = .caseNotes(scroll: min(line, limit))
            return []
        default:
            break
        }
        if let area = state.focusedListArea {
            withCursor(of: area, in: &state) { cursor, visible in cursor.select(line, visible: visible) }
            return followUp(state)
        }
        switch state.route {
        case .alert: state.alert?.scroll = min(line, limit)
        case .rule: state.ruleScreen.scroll = min(line, limit)
        case .hosts, .host, .history, .exceptions: break
        }
        return followUp(state)
    }
}
