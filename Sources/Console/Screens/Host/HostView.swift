import Detection
import ScreenCore
import TriageModel

/// One host: a summary line, its external destinations, and its alerts, one row per connection.
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

    /// The destinations' ALERTS column, which their order marks.
    static let destinationAlertsColumn = 8

    static let alertTable = Table(columns: [
        .init(title: "ALERTS", width: 8, alignRight: true, priority: 100),
        .init(title: "STATUS", width: 8, priority: 95),
        .init(title: "RISK", width: 11, priority: 60),
        .init(title: "LAST SEEN", width: 16, priority: 70),
        .init(title: "DESTINATION", width: 12, priority: 85),
        .init(title: "SENT", width: 9, alignRight: true, priority: 78),
        .init(title: "NOTES", width: 5, priority: 80),
        .init(title: "SEEN BY", width: 24, priority: 75),
        .init(title: "REASON", width: 10, flexible: true, priority: 40),
    ])

    /// The alerts' LAST SEEN column, which their order marks.
    static let alertLastSeenColumn = 3

    static func draw(_ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        guard let host = state.host else { return }
        let layout = state.layout
        let destinationArea = layout.destinationsList(count: host.destinations.count)
        let alertArea = layout.hostAlertsList(destinationCount: host.destinations.count)
        drawSummary(host, row: layout.bodyTop, into: &screen, theme: theme)
        drawCase(host, state, row: layout.bodyTop + 1, into: &screen, theme: theme)

        var destinationsTitle = "Destinations (\(host.destinations.count))"
        if host.destinations.contains(where: \.isNewForHost) { destinationsTitle += " · " + newLegend }
        PaneTitle.draw(destinationsTitle, focused: host.pane == .destinations,
                       row: destinationArea.headerRow - 1, into: &screen, theme: theme)
        let destinationRange = host.destinationCursor.visibleRange(destinationArea.rows)
        let destinationRows = destinationRange.map { cells(host.destinations[$0], state) }
        destinationTable.widening(0, toFit: destinationRows.compactMap { $0.first?.text }).markingSort(host.destinationOrder)
            .draw(into: &screen, theme: theme, top: destinationArea.headerRow, height: destinationArea.rows, rows: destinationRows,
                              selected: host.destinationCursor.selected - host.destinationCursor.top,
                              focused: host.pane == .destinations)
        if host.destinations.isEmpty {
            screen.draw("No SMB destinations recorded.", row: destinationArea.headerRow + 1, column: 2, style: theme.muted)
        }

        var title = "Alerts · \(Update.connectionCount(host.alerts.cursor.count)) · \(Update.alertCount(host.alertCount))"
        if let status = host.statusFilter { title += " · \(status.rawValue) only (f)" }
        if let destination = host.destinationFilter { title += " to \(destination) · Enter on it again for all" }
        // Said in words too: LAST SEEN, which carries the mark, may sit far from the start of the line.
        title += " · " + host.alertOrder.direction
        PaneTitle.draw(title, focused: host.pane == .alerts, row: alertArea.headerRow - 1, into: &screen, theme: theme)
        let alerts = host.alerts
        let alertRange = alerts.cursor.visibleRange(alertArea.rows)
        let marked = Set(alertRange.enumerated().compactMap { offset, index in
            alerts.row(at: index).flatMap { host.marked[$0.id] != nil ? offset : nil }
        })
        let alertRows = alertRange.map { index in alerts.row(at: index).map { cells($0, state) } }
        alertTable.widening(4, toFit: alertRows.compactMap { $0?[4].text }, limit: 47).markingSort(host.alertOrder)
            .draw(into: &screen, theme: theme, top: alertArea.headerRow, height: alertArea.rows, rows: alertRows,
                        selected: alerts.cursor.selected - alerts.cursor.top, marked: marked, focused: host.pane == .alerts)
        if alerts.isLoaded, alerts.cursor.count == 0 {
            screen.draw("No alerts.", row: alertArea.headerRow + 1, column: 2, style: theme.muted)
        }
    }

    /// When a destination is "new" for its host: the store's `NewDestinations` rule, the one the
    /// hosts ranking counts ("… to 1 new destination").
    static let newRule = "external, first contacted 1 h or more after this host's first SMB activity"
    /// The destinations pane's legend for its NEW column.
    static let newLegend = "new: " + newRule

    /// "10.1.2.3  FIN-WS-047  · 20 open · 0 ack · 3 closed · 370.6 MiB out": the counts of the case
    /// and the destinations, which load with the rows (so they follow every action and are there
    /// when the host was opened with `:host` or from an alert), else the hosts-list row's.
    private static func drawSummary(_ host: HostState, row: Int, into screen: inout Screen, theme: Theme) {
        var column = screen.draw("\(host.address)", row: row, column: 1, style: theme.style(.normal, .bold))
        if let name = host.hostCase?.hostName ?? host.summary?.hostName {
            column = screen.draw("  " + name, row: row, column: column, style: theme.plain)
        }
        var parts: [String] = []
        if let counts = host.hostCase.map({ ($0.openAlerts, $0.acknowledgedAlerts, $0.closedAlerts) })
            ?? host.summary.map({ ($0.openAlerts, $0.acknowledgedAlerts, $0.closedAlerts) }) {
            parts += ["\(counts.0) open", "\(counts.1) ack", "\(counts.2) closed"]
        }
        let bytesOut = host.destinations.isEmpty ? host.summary?.bytesOut
            : host.destinations.filter(\.isExternal).saturatingSum(of: \.bytesSent)
        if let bytesOut { parts.append("\(NumberText.bytes(bytesOut)) out") }
        if let risk = host.summary?.highestRisk { parts.append("highest risk \(Severity.label(riskScore: risk))") }
        guard !parts.isEmpty else { return }
        screen.draw(DisplayText.truncated("  · " + parts.joined(separator: " · "), to: max(0, screen.width - column - 1)),
                    row: row, column: column, style: theme.muted)
    }

    /// "Case investigating · guide 2/6 · 2 notes · latest: …", the reopened notice first when new
    /// alerts reopened a resolved case.
    private static func drawCase(_ host: HostState, _ state: ConsoleState, row: Int, into screen: inout Screen, theme: Theme) {
        guard let hostCase = host.hostCase else { return }
        let progress = CaseProgress(state: hostCase.state, verdict: hostCase.verdict,
                                    checkedGuideSteps: hostCase.checkedGuideSteps.count, reopenedBy: hostCase.reopening?.newAlerts)
        var column = screen.draw("Case ", row: row, column: 1, style: theme.muted)
        if let reopening = hostCase.reopening {
            column = screen.draw(reopening.description + " · ", row: row, column: column, style: theme.style(.high, .bold))
        }
        let verdict = hostCase.verdict.map { " · \($0)" } ?? ""
        column = screen.draw(hostCase.state.rawValue + verdict, row: row, column: column,
                             style: theme.style(CaseText.tone(progress), .bold))
        let steps = state.rule.investigationGuide.steps.count
        var parts = ["guide \(min(hostCase.checkedGuideSteps.count, steps))/\(steps)",
                     hostCase.notes.count == 1 ? "1 note" : "\(hostCase.notes.count) notes"]
        if let latest = hostCase.notes.last { parts.append("latest: \(latest.author): \(latest.text)") }
        screen.draw(" · " + parts.joined(separator: " · "), row: row, column: column, style: theme.muted,
                    maxWidth: max(0, screen.width - column - 1))
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

    /// One connection's row: its alerts ("94+3"), the most open of their statuses, its figures.
    static func cells(_ row: ConnectionAlerts, _ state: ConsoleState) -> [Table.Cell] {
        let reason = ReasonText.short(row.reason, of: row.flow.event)
        return [
            Table.Cell(row.idText),
            Table.Cell(row.status.label, tone: row.status.tone),
            Table.Cell(Severity.label(riskScore: row.riskScore), tone: Severity(riskScore: row.riskScore).tone),
            Table.Cell(DateText.minute(row.lastSeen, timeZone: state.timeZone)),
            Table.Cell(EndpointText.destination(row.flow.event)),
            Table.Cell(NumberText.bytes(row.bytesSent)),
            Table.Cell(row.noteCount > 0 ? "✎ \(row.noteCount)" : "", tone: .accent, emphasis: .bold),
            Table.Cell(row.sensors.isEmpty ? "—" : row.sensors.joined(separator: ", "),
                       tone: row.sensors.count > 1 ? .normal : .muted),
            Table.Cell(row.status == .closed ? row.closeReason.map { "closed: \($0)" } ?? reason : reason, tone: .muted),
        ]
    }
}
