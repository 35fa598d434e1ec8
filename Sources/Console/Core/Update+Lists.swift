extension Update {
    /// Runs `body` on the cursor of the list `area` shows, with the number of rows it shows, and
    /// keeps a paged list's "new" count in step; nil when that list is not on screen.
    @discardableResult
    static func withCursor<Result>(of area: ListArea, in state: inout ConsoleState,
                                   _ body: (inout ListCursor, _ visible: Int) -> Result) -> Result? {
        func paged<Row>(_ list: inout PagedList<Row>) -> Result {
            defer { list.seeNewRows() }
            return body(&list.cursor, area.rows)
        }
        switch area.list {
        case .hosts:
            return paged(&state.hosts.list)
        case .destinations, .hostAlerts:
            guard var host = state.host else { return nil }
            defer { state.host = host }
            return area.list == .destinations ? body(&host.destinationCursor, area.rows) : paged(&host.alerts)
        case .flows:
            guard var history = state.history else { return nil }
            defer { state.history = history }
            return paged(&history.flows)
        case .exceptions:
            return body(&state.exceptions.cursor, area.rows)
        }
    }
}
