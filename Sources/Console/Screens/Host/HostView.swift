import Detection
import ScreenCore
import TriageModel

/// One host: a summary line, its external destinations, and its alerts.
enum HostView {
    static let destinationTable = Table(columns: [
        .init(title: "DESTINATION", width: 15, priority: 100),
        .init(title: "PORTS", width: 7, priority: 90),
        .init(title: "CONNS", width: 6, alignRight: true, priority: 80),
        .init(title: "SENT", width: 9, alignRight: true, priority: 85),
        .init(title: "RECEIVED", width: 9, alignRight: true, priority: 70),
        .init(title: "FIRST SEEN", width: 16, priority: 30),
        .init(title: "LAST SEEN", width: 16, priority: 40),
        .init(title: "NEW", width: 3, priority: 75),
        .init(title: "ALERTS", width: 12, flexible: true, priority: 95),
    ])

    static let alertTable = Table(columns: [
        .init(title: "ID", width: 7, alignRight: true, priority: 100),
        .init(title: "STATUS", width: 8, priority: 95),
        .init(title: "RISK", width: 11, priority: 90),
        .init(title: "EVENT TIME", width: 16, priority: 70),
        .init(title: "DESTINATION", width: 12, priority: 85),
        .init(title: "REASON", width: 10, flexible: true, priority: 40),
    ])

    static func draw(_ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        guard let host = state.host else { return }
        let layout = state.layout
        var row = layout.bodyTop
        drawSummary(host, row: row, into: &screen, theme: theme)
        row += 1

        PaneTitle.draw("Destinations (\(host.destinations.count))", focused: host.pane == .destinations, row: row,
                       into: &screen, theme: theme)
        let destinationRange = host.destinationCursor.visibleRange(state.destinationRows)
        let destinationRows = destinationRange.map { cells(host.destinations[$0], state) }
        destinationTable.widening(0, toFit: destinationRows.compactMap { $0.first?.text })
            .draw(into: &screen, theme: theme, top: row + 1, height: state.destinationRows, rows: destinationRows,
                              selected: host.destinationCursor.selected - host.destinationCursor.top,
                              focused: host.pane == .destinations)
        if host.destinations.isEmpty {
            screen.draw("No SMB destinations recorded.", row: row + 2, column: 2, style: theme.muted)
        }
        row += state.destinationRows + 3

        var title = "Alerts (\(NumberText.grouped(host.alerts.cursor.count)))"
        if let destination = host.destinationFilter { title += " to \(destination) · Enter on it again for all" }
        PaneTitle.draw(title, focused: host.pane == .alerts, row: row, into: &screen, theme: theme)
        let alerts = host.alerts
        let alertRange = alerts.cursor.visibleRange(state.hostAlertRows)
        let marked = Set(alertRange.enumerated().compactMap { offset, index in
            alerts.row(at: index).flatMap { host.marked.contains($0.id) ? offset : nil }
        })
        let alertRows = alertRange.map { index in alerts.row(at: index).map { cells($0, state) } }
        alertTable.widening(4, toFit: alertRows.compactMap { $0?[4].text }, limit: 47)
            .draw(into: &screen, theme: theme, top: row + 1, height: state.hostAlertRows, rows: alertRows,
                        selected: alerts.cursor.selected - alerts.cursor.top, marked: marked, focused: host.pane == .alerts)
        if alerts.isLoaded, alerts.cursor.count == 0 {
            screen.draw("No alerts.", row: row + 2, column: 2, style: theme.muted)
        }
    }

    private static func drawSummary(_ host: HostState, row: Int, into screen: inout Screen, theme: Theme) {
        var column = screen.draw("\(host.address)", row: row, column: 1, style: theme.style(.normal, .bold))
        if let name = host.summary?.hostName {
            column = screen.draw("  " + name, row: row, column: column, style: theme.plain)
        }
        guard let summary = host.summary else { return }
        var parts = ["\(summary.openAlerts) open", "\(summary.acknowledgedAlerts) ack", "\(summary.closedAlerts) closed",
                     "\(NumberText.bytes(summary.bytesOut)) out"]
        if let risk = summary.highestRisk { parts.append("highest risk \(Severity.label(riskScore: risk))") }
        screen.draw("  · " + parts.joined(separator: " · "), row: row, column: column, style: theme.muted)
    }

    private static func cells(_ destination: DestinationSummary, _ state: ConsoleState) -> [Table.Cell] {
        var alerts: [String] = []
        if destination.openAlerts > 0 { alerts.append("\(destination.openAlerts) open") }
        if destination.acknowledgedAlerts > 0 { alerts.append("\(destination.acknowledgedAlerts) ack") }
        if destination.closedAlerts > 0 { alerts.append("\(destination.closedAlerts) closed") }
        return [
            Table.Cell("\(destination.address)", emphasis: destination.isExternal ? .bold : []),
            Table.Cell(destination.ports.map(String.init).joined(separator: ",")),
            Table.Cell(NumberText.grouped(destination.connections)),
            Table.Cell(NumberText.bytes(destination.bytesSent)),
            Table.Cell(NumberText.bytes(destination.bytesReceived)),
            Table.Cell(DateText.minute(destination.firstSeen, timeZone: state.timeZone), tone: .muted),
            Table.Cell(DateText.minute(destination.lastSeen, timeZone: state.timeZone)),
            Table.Cell(destination.isNewForHost ? "new" : "", tone: .medium, emphasis: .bold),
            Table.Cell(alerts.isEmpty ? (destination.isExternal ? "—" : "internal") : alerts.joined(separator: " · "),
                       tone: destination.openAlerts > 0 ? .high : .muted),
        ]
    }

    static func cells(_ alert: AlertRecord, _ state: ConsoleState) -> [Table.Cell] {
        let event = alert.flow.event
        let time = event.timestamp ?? alert.createdAt
        return [
            Table.Cell(String(alert.id)),
            Table.Cell(alert.status.label, tone: alert.status.tone),
            Table.Cell(Severity.label(riskScore: alert.riskScore), tone: Severity(riskScore: alert.riskScore).tone),
            Table.Cell(DateText.minute(time, timeZone: state.timeZone)),
            Table.Cell(EndpointText.destination(event)),
            Table.Cell(alert.closeReason.map { "closed: \($0)" } ?? alert.reason, tone: .muted),
        ]
    }
}
