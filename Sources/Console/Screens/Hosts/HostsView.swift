import Foundation
import ScreenCore
import TriageModel

/// The home screen: one row per internal source host, most in need of attention first, with its
/// case and why it ranks there.
enum HostsView {
    static let table = Table(columns: [
        .init(title: "ADDRESS", width: 15, priority: 100),
        .init(title: "HOSTNAME", width: 10, priority: 70),
        .init(title: "OPEN", width: 4, alignRight: true, priority: 95),
        .init(title: "ACK", width: 4, alignRight: true, priority: 30),
        .init(title: "CLOSED", width: 6, alignRight: true, priority: 20),
        .init(title: "DESTS", width: 5, alignRight: true, priority: 40),
        .init(title: "BYTES OUT", width: 9, alignRight: true, priority: 80),
        .init(title: "LAST SEEN", width: 9, priority: 50),
        .init(title: "CASE", width: 17, priority: 90),
        .init(title: "WHY", width: 34, flexible: true, priority: 85),
        .init(title: "ACTIVITY", width: HostsState.activityBuckets, priority: 60),
    ])
    /// Shown only while the loaded hosts differ in risk: a column that says the same on every row says nothing.
    static let riskColumn = Table.Column(title: "RISK", width: 11, priority: 45)

    static func draw(_ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        let layout = state.layout
        let hosts = state.hosts
        drawSettings(hosts, into: &screen, theme: theme)
        let range = hosts.list.cursor.visibleRange(layout.hostRows)
        let showsRisk = Set(hosts.list.rows.map(\.highestRisk)).count > 1
        let rows = range.map { index in hosts.list.row(at: index).map { cells($0, state, showsRisk: showsRisk) } }
        let table = showsRisk ? Table(columns: table.columns + [riskColumn]) : table
        table.widening(0, toFit: rows.compactMap { $0?.first?.text }).draw(into: &screen, theme: theme, top: layout.bodyTop, height: layout.hostRows, rows: rows,
                   selected: hosts.list.cursor.selected - hosts.list.cursor.top)
        if hosts.list.isLoaded, hosts.list.cursor.count == 0 {
            let text = hosts.filter == HostFilter() ? "No SMB hosts in the store yet: ingest some logs first."
                : "No host matches the filter. Esc clears it."
            screen.draw(text, row: layout.bodyTop + 2, column: 2, style: theme.muted)
        }
    }

    private static func cells(_ host: HostSummary, _ state: ConsoleState, showsRisk: Bool) -> [Table.Cell] {
        let risk = host.highestRisk.map { Table.Cell(Severity.label(riskScore: $0), tone: Severity(riskScore: $0).tone, emphasis: .bold) }
            ?? Table.Cell("—", tone: .muted)
        let caseCell = host.caseProgress.map {
            Table.Cell(CaseText.progress($0, guideSteps: state.rule.investigationGuide.steps.count), tone: CaseText.tone($0))
        } ?? Table.Cell("—", tone: .muted)
        let activity = state.hosts.activity[host.address].map(NumberText.sparkline) ?? ""
        return [
            Table.Cell("\(host.address)", emphasis: host.openAlerts > 0 ? .bold : []),
            Table.Cell(host.hostName ?? "—", tone: host.hostName == nil ? .muted : .normal),
            Table.Cell(String(host.openAlerts), tone: host.openAlerts > 0 ? .high : .muted, emphasis: host.openAlerts > 0 ? .bold : []),
            Table.Cell(String(host.acknowledgedAlerts), tone: host.acknowledgedAlerts > 0 ? .medium : .muted),
            Table.Cell(String(host.closedAlerts), tone: .muted),
            Table.Cell(String(host.externalDestinations)),
            Table.Cell(NumberText.bytes(host.bytesOut)),
            Table.Cell(DateText.relative(host.lastSeen, now: state.now)),
            caseCell,
            Table.Cell(host.ranking.reason, tone: host.ranking.isResolvedCase ? .muted : .normal),
            Table.Cell(activity, tone: .accent),
        ] + (showsRisk ? [risk] : [])
    }

    private static func drawSettings(_ hosts: HostsState, into screen: inout Screen, theme: Theme) {
        // The filter text comes first: on a narrow terminal the end of the line is cut.
        let filter = hosts.filter.text.isEmpty ? [] : ["filter: \(hosts.filter.text)"]
        let parts = filter + ["sort: \(sortName(hosts.sort))", "status: \(hosts.filter.status?.rawValue ?? "all")"]
        let text = " " + parts.joined(separator: " · ") + " "
        let width = min(DisplayWidth.of(DisplayText.sanitized(text)), screen.width / 2)
        screen.draw(DisplayText.truncated(text, to: width), row: 0, column: screen.width - width - 1, style: theme.bar)
    }

    static func sortName(_ sort: HostSort) -> String {
        switch sort {
        case .attention: "attention"
        case .bytesOut: "bytes out"
        case .lastSeen: "last seen"
        case .address: "address"
        case .destinations: "destinations"
        }
    }
}
