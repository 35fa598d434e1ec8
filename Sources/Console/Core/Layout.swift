/// Where things go on a screen of a given size; `update` uses it to know how many rows a list
/// shows (the pages it fetches), `view` to draw them.
struct Layout: Hashable, Sendable {
    var width: Int
    var height: Int

    /// Smaller screens get a message instead of the console.
    static let minimumWidth = 60
    static let minimumHeight = 15

    var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    /// Row 0 holds the breadcrumbs, the last two the status line and the key hints.
    var bodyTop: Int { 1 }
    var bodyHeight: Int { max(0, height - 3) }
    var statusRow: Int { height - 2 }
    var hintsRow: Int { height - 1 }

    /// Hosts list rows under its column header.
    var hostRows: Int { max(1, bodyHeight - 1) }
    /// The host screen: `hostHeaderRows` (the summary and the case), then the destinations pane (as
    /// tall as its rows, up to two fifths of the body), a blank line, and the alerts pane; each pane
    /// has a title and a header.
    static let hostHeaderRows = 2
    func destinationRows(count: Int) -> Int { max(1, min(count, (bodyHeight - Self.hostHeaderRows) * 2 / 5 - 2)) }
    func hostAlertRows(destinationCount: Int) -> Int {
        max(1, bodyHeight - Self.hostHeaderRows - (destinationRows(count: destinationCount) + 3) - 2)
    }
    /// The history screen: a chart of `chartHeight` rows over the flows list.
    var chartHeight: Int { max(3, bodyHeight / 3) }
    var historyRows: Int { max(1, bodyHeight - chartHeight - 4) }
    /// The chart's buckets: at most one a column (`BarChart` draws the last that fit), so the store
    /// is asked for as many as the screen is wide; a resize reloads the screen, and them with it.
    var timelineBuckets: Int { width }
    /// Exceptions list rows under its header, leaving room for the selected item's detail.
    var exceptionRows: Int { max(1, bodyHeight - 5) }
    /// Lines of a scrolling text pane (alert panes, rule, help, raw record).
    var textRows: Int { max(1, bodyHeight - 3) }

    /// The hosts list: its header at the top of the body.
    var hostsList: ListArea { ListArea(list: .hosts, headerRow: bodyTop, rows: hostRows) }
    /// The host screen's destinations: the pane's title under the header rows, then the table.
    func destinationsList(count: Int) -> ListArea {
        ListArea(list: .destinations, headerRow: bodyTop + Self.hostHeaderRows + 1, rows: destinationRows(count: count))
    }
    /// The host screen's alerts: after the destinations and a blank line, the pane's title, then the table.
    func hostAlertsList(destinationCount: Int) -> ListArea {
        let destinations = destinationsList(count: destinationCount)
        return ListArea(list: .hostAlerts, headerRow: destinations.headerRow + destinations.rows + 3,
                        rows: hostAlertRows(destinationCount: destinationCount))
    }
    /// The history screen's flows: under the title, the chart, its time labels and the pane's title.
    var historyFlowsList: ListArea { ListArea(list: .flows, headerRow: bodyTop + chartHeight + 3, rows: historyRows) }
    /// The exceptions list: its header at the top of the body.
    var exceptionsList: ListArea { ListArea(list: .exceptions, headerRow: bodyTop, rows: exceptionRows) }
}
