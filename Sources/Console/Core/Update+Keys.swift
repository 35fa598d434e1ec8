import ScreenCore

extension Update {
    /// The keymap contexts of what is in front, in dispatch order (their keys do not overlap, except
    /// that everything before `global` wins over it); lists come first so `Enter open` leads the hints.
    static func keyContexts(_ state: ConsoleState) -> [KeyContext] {
        if let search = activeSearch(state) { return search.isEditing ? [.prompt] : [.search] + screenContexts(state) }
        return screenContexts(state)
    }

    /// The contexts of the overlay or screen in front, a search aside.
    private static func screenContexts(_ state: ConsoleState) -> [KeyContext] {
        switch state.overlay {
        case .help, .raw, .audit: return [.overlay]
        case .caseNotes: return [.caseNotes, .overlay]
        case .command, .filter: return [.prompt]
        case .form: return [.form]
        case .confirm: return [.confirm]
        case nil: break
        }
        switch state.route {
        case .hosts: return [.list, .hosts, .global]
        case .host: return [.list, .host, .global]
        case .alert: return state.alert?.pane == .guide ? [.guide, .alert, .text, .global] : [.alert, .text, .global]
        case .history: return [.list, .history, .global]
        case .exceptions: return [.list, .exceptions, .global]
        case .rule: return [.text, .global]
        }
    }

    /// Dispatches a key: the overlay in front takes it first, text fields take what the keymap does not.
    static func handleKey(_ state: inout ConsoleState, _ key: Key) -> [Effect] {
        let action = Keymap.action(for: key, in: keyContexts(state))
        if let effects = handleSearchKey(&state, key, action: action) { return effects }
        if action == .search { return startSearch(&state) }
        switch state.overlay {
        case .help(let scroll):
            return handleScrollOverlay(&state, action, scroll: scroll) { .help(scroll: $0) }
        case .raw(var record) where action == .togglePretty:
            record.togglePretty()
            state.overlay = .raw(record)
            return []
        case .raw(let record):
            return handleScrollOverlay(&state, action, scroll: record.scroll) { scroll in
                var scrolled = record
                scrolled.scroll = scroll
                return .raw(scrolled)
            }
        case .audit where action == .reverseSort:
            return reverseOrder(&state)
        case .audit(let log):
            return handleScrollOverlay(&state, action, scroll: log.scroll) { scroll in
                var scrolled = log
                scrolled.scroll = scroll
                return .audit(scrolled)
            }
        case .caseNotes where action == .addCaseNote:
            return triage(&state, .addCaseNote)
        case .caseNotes(let scroll):
            return handleScrollOverlay(&state, action, scroll: scroll) { .caseNotes(scroll: $0) }
        case .command(var field):
            switch action {
            case .submit:
                state.overlay = nil
                return runCommand(&state, field.text)
            case .cancel:
                state.overlay = nil
            case .complete:
                state.overlay = .command(completeCommand(field))
            default:
                if field.edit(key) { state.overlay = .command(field) }
            }
            return []
        case .filter(var field):
            switch action {
            case .submit:
                state.overlay = nil
                return []
            case .cancel:
                state.overlay = nil
                return setHostFilterText(&state, "")
            default:
                guard field.edit(key) else { return [] }
                state.overlay = .filter(field)
                return setHostFilterText(&state, field.text)
            }
        case .form(var form):
            switch action {
            case .submit: return submit(&state, form)
            case .cancel: state.overlay = nil
            case .nextField: form.moveFocus(by: 1); state.overlay = .form(form)
            case .previousField: form.moveFocus(by: -1); state.overlay = .form(form)
            default:
                guard form.edit(key) else { return [] }
                state.overlay = .form(form)
                return previewException(&state)
            }
            return []
        case .confirm(let confirmation):
            switch action {
            case .confirm:
                state.overlay = nil
                return confirmation.effects
            case .decline:
                state.overlay = confirmation.form.map(Overlay.form)
                if confirmation.form == nil { state.message = .info("cancelled") }
            default: break
            }
            return []
        case nil:
            guard let action else { return [] }
            state.message = nil
            return perform(&state, action)
        }
    }

    private static func handleScrollOverlay(_ state: inout ConsoleState, _ action: Action?, scroll: Int,
                                     make: (Int) -> Overlay) -> [Effect] {
        let page = state.layout.textRows
        let limit = ScrollExtent.maximum(state)
        switch action {
        case .down: state.overlay = make(min(limit, scroll + 1))
        case .up: state.overlay = make(max(0, scroll - 1))
        case .pageDown: state.overlay = make(min(limit, scroll + page))
        case .pageUp: state.overlay = make(max(0, scroll - page))
        case .cancel: state.overlay = nil
        default: break
        }
        return []
    }
}
