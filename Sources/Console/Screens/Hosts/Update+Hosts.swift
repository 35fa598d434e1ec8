import TriageModel

/// The hosts screen's loading and actions.
extension Update {
    static func reloadHosts(_ state: ConsoleState) -> [Effect] {
        let page = state.hosts.list.reloadPage(visible: state.layout.hostRows)
        return [.loadHosts(state.hosts.filter, state.hosts.sort, reversed: state.hosts.reversed, offset: page.offset,
                           limit: page.limit)]
    }

    /// The page the list misses, else the sparklines of the visible hosts not loaded yet.
    static func followUpHosts(_ state: ConsoleState) -> [Effect] {
        let hosts = state.hosts
        let visible = state.layout.hostRows
        if let page = hosts.list.missingPage(visible: visible) {
            return [.loadHosts(hosts.filter, hosts.sort, reversed: hosts.reversed, offset: page.offset, limit: page.limit)]
        }
        let missing = hosts.list.cursor.visibleRange(visible)
            .compactMap { hosts.list.row(at: $0)?.address }
            .filter { hosts.activity[$0] == nil }
        return missing.isEmpty ? [] : [.loadActivity(missing)]
    }

    /// Takes a hosts page or sparklines; false for any other message.
    static func applyHostsLoaded(_ state: inout ConsoleState, _ msg: Msg) -> Bool {
        switch msg {
        case .hostsLoaded(let offset, let page):
            state.hosts.list.apply(rows: page.rows, offset: offset, total: page.total, visible: state.layout.hostRows)
            let loaded = Set(page.rows.map(\.address))
            state.hosts.activity = state.hosts.activity.filter { loaded.contains($0.key) }
            return true
        case .activityLoaded(let activity):
            state.hosts.activity.merge(activity) { $1 }
            return true
        default:
            return false
        }
    }

    /// Enter: the selected host's screen.
    static func openHost(_ state: inout ConsoleState) -> [Effect] {
        guard let host = state.hosts.list.selectedRow else { return [] }
        enter(&state, .host(host.address))
        // The row goes in before the screen loads: its destination count sizes the first page.
        state.host?.summary = host
        return reload(state)
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
        return reload(state) + refindInStore(&state)
    }

    /// All, open, acknowledged, closed, all …
    static func cycleHostStatusFilter(_ state: inout ConsoleState) -> [Effect] {
        state.hosts.filter.status = nextStatusFilter(after: state.hosts.filter.status)
        state.hosts.filter.needsAttention = false
        return restartHosts(&state)
    }

    /// The hosts that need attention ⇄ all hosts (the address filter stays).
    static func toggleAllHosts(_ state: inout ConsoleState) -> [Effect] {
        state.hosts.filter.needsAttention = !state.hosts.filter.needsAttention
        state.hosts.filter.status = nil
        return restartHosts(&state)
    }

    static func cycleHostSort(_ state: inout ConsoleState) -> [Effect] {
        let all = HostSort.allCases
        state.hosts.sort = all[((all.firstIndex(of: state.hosts.sort) ?? 0) + 1) % all.count]
        state.hosts.reversed = false
        return restartHosts(&state)
    }

    /// `S`: the same sort, the other way round.
    static func reverseHostSort(_ state: inout ConsoleState) -> [Effect] {
        state.hosts.reversed.toggle()
        return restartHosts(&state)
    }
}
