import Detection

/// The history screen's loading and actions.
extension Update {
    static func reloadHistory(_ state: ConsoleState, _ address: IPAddress) -> [Effect] {
        guard let history = state.history else { return [] }
        return [loadTimeline(history, state.layout), loadFlows(history, history.flows.reloadPage(visible: state.layout.historyRows))]
    }

    static func followUpHistory(_ state: ConsoleState) -> [Effect] {
        guard let history = state.history, let page = history.flows.missingPage(visible: state.layout.historyRows) else { return [] }
        return [loadFlows(history, page)]
    }

    /// The timeline's buckets the chart can draw.
    private static func loadTimeline(_ history: HistoryState, _ layout: Layout) -> Effect {
        .loadTimeline(history.address, history.bucket, last: layout.timelineBuckets)
    }

    /// The flows list's rows in `page`, in the history's order.
    private static func loadFlows(_ history: HistoryState, _ page: (offset: Int, limit: Int)) -> Effect {
        .loadHistory(history.address, reversed: history.order.reversed, offset: page.offset, limit: page.limit)
    }

    /// `I`: the flows the other way round, paged by the store from the first row (oldest first,
    /// new flows arrive at the end).
    static func reverseHistory(_ state: inout ConsoleState) -> [Effect] {
        guard var history = state.history else { return [] }
        history.order.reversed.toggle()
        history.flows = PagedList(newestLast: history.order.reversed)
        state.history = history
        return [loadFlows(history, history.flows.reloadPage(visible: state.layout.historyRows))] + refindInStore(&state)
    }

    /// Takes a page of flows or the timeline; false for any other message or a stale one.
    static func applyHistoryLoaded(_ state: inout ConsoleState, _ msg: Msg) -> Bool {
        switch msg {
        case .historyLoaded(let address, let offset, let page):
            guard state.history?.address == address else { return false }
            let visible = state.layout.historyRows
            state.history?.flows.apply(rows: page.rows, offset: offset, total: page.total, visible: visible)
            return true
        case .timelineLoaded(let address, let bucket, let timeline):
            guard state.history?.address == address, state.history?.bucket == bucket else { return false }
            state.history?.timeline = timeline
            return true
        default:
            return false
        }
    }

    /// Enter: the selected flow's original log record over the screen.
    static func openFlowRecord(_ state: inout ConsoleState) -> [Effect] {
        guard let flow = state.history?.flows.selectedRow else { return [] }
        state.overlay = .raw(RawRecord(flow, width: RawView.rawBox(state.layout).innerWidth))
        return []
    }

    /// Hourly or daily buckets.
    static func toggleBucket(_ state: inout ConsoleState) -> [Effect] {
        guard var history = state.history else { return [] }
        history.bucket = history.bucket == .hour ? .day : .hour
        history.timeline = .empty
        state.history = history
        return [loadTimeline(history, state.layout)]
    }

    /// Flows or bytes out in the chart.
    static func toggleMetric(_ state: inout ConsoleState) -> [Effect] {
        guard let metric = state.history?.metric else { return [] }
        state.history?.metric = metric == .flows ? .bytesOut : .flows
        return []
    }
}
