import Detection
import ScreenCore
import TriageModel

/// A host's SMB history: the timeline chart over every flow, newest first. The chart counts a flow
/// once however many sensors reported it, and pruned flows from their daily summaries; its title
/// totals the whole history (`HostTimeline.totals`), pruned flows included, and says how many were
/// pruned; the list holds the stored flow records, one per sensor's report.
enum HistoryView {
    static let table = Table(columns: [
        .init(title: "TIME", width: 19, priority: 100),
        .init(title: "SOURCE", width: 17, priority: 60),
        .init(title: "DESTINATION", width: 21, priority: 95),
        .init(title: "WHERE", width: 8, priority: 90),
        .init(title: "SENT", width: 9, alignRight: true, priority: 85),
        .init(title: "RECEIVED", width: 9, alignRight: true, priority: 70),
        .init(title: "STATE", width: 6, priority: 40),
        .init(title: "DATASET", width: 15, flexible: true, priority: 30),
        .init(title: "FIRST", width: 5, priority: 80),
    ])

    static func draw(_ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        guard let history = state.history else { return }
        let layout = state.layout
        var row = layout.bodyTop
        let unit = history.bucket == .hour ? "hour" : "day"
        let totals = history.timeline.totals
        let measure = history.metric == .flows ? "SMB flows" : "Bytes sent"
        let pruned = totals.summarizedFlows == 0 ? "" : " (\(NumberText.grouped(totals.summarizedFlows)) pruned: daily summaries)"
        PaneTitle.draw("\(measure) per \(unit) (t: hour/day, b: flows/bytes) · \(NumberText.grouped(totals.flows)) flows\(pruned) · "
                       + "\(NumberText.bytes(totals.bytesOut)) out", focused: false, row: row, into: &screen, theme: theme)
        row += 1
        let format = { history.bucket == .hour ? DateText.minute($0, timeZone: state.timeZone) : DateText.day($0, timeZone: state.timeZone) }
        // Room under the bars for two labels and the gap between them.
        let labelsWidth = history.timeline.points.last.map { 2 * DisplayWidth.of(format($0.start)) + 3 } ?? 1
        let series = TimelinePoint.dense(history.timeline.points, bucket: history.bucket, last: layout.timelineBuckets,
                                         atLeast: labelsWidth)
        let values = series.map { history.metric == .flows ? Int64($0.flows) : $0.bytesOut }
        let columns = BarChart.draw(values, label: history.metric == .flows ? NumberText.grouped : NumberText.bytes, top: row,
                                  height: layout.chartHeight, into: &screen, theme: theme)
        row += layout.chartHeight
        let points = series.suffix(columns.count)
        if let first = points.first, let last = points.last {
            let firstText = format(first.start)
            let lastText = format(last.start)
            // The oldest bar's label starts under it and the newest's ends under it; where the
            // bars are too few for both (a screen narrower than the series' minimum), only the
            // newest is labelled, starting under the oldest bar.
            let lastColumn = max(columns.lowerBound, columns.upperBound - DisplayWidth.of(lastText))
            if points.count > 1, lastColumn >= columns.lowerBound + DisplayWidth.of(firstText) + 3 {
                screen.draw(firstText, row: row, column: columns.lowerBound, style: theme.muted)
            }
            screen.draw(lastText, row: row, column: lastColumn, style: theme.muted)
        } else {
            screen.draw("No SMB activity recorded.", row: row - 1, column: 2, style: theme.muted)
        }
        let area = layout.historyFlowsList
        PaneTitle.draw("Flow records (\(NumberText.grouped(history.flows.cursor.count)), \(history.order.direction))", focused: true, row: area.headerRow - 1,
                       into: &screen, theme: theme)
        let range = history.flows.cursor.visibleRange(area.rows)
        let sources = range.compactMap { history.flows.row(at: $0).map { EndpointText.source($0.event) } }
        table.widening(1, toFit: sources).markingSort(history.order).draw(into: &screen, theme: theme, top: area.headerRow, height: area.rows,
                   rows: range.map { index in history.flows.row(at: index).map { cells($0, state) } },
                   selected: history.flows.cursor.selected - history.flows.cursor.top)
    }

    private static func cells(_ flow: StoredFlow, _ state: ConsoleState) -> [Table.Cell] {
        let event = flow.event
        let external = event.destinationIPs.contains { !state.compiledRule.isExcludedDestination($0) }
        return [
            Table.Cell(DateText.second(event.timestamp ?? flow.ingestedAt, timeZone: state.timeZone)),
            Table.Cell(EndpointText.source(event)),
            Table.Cell(EndpointText.destination(event), emphasis: external ? .bold : []),
            Table.Cell(external ? "internet" : "internal", tone: external ? .high : .muted),
            Table.Cell(event.sourceBytes.map(NumberText.bytes) ?? "—"),
            Table.Cell(event.destinationBytes.map(NumberText.bytes) ?? "—"),
            Table.Cell(event.connectionState ?? "", tone: .muted),
            Table.Cell(event.dataset ?? "", tone: .muted),
            Table.Cell(flow.isFirstSeenDestination ? "first" : "", tone: .medium, emphasis: .bold),
        ]
    }
}
