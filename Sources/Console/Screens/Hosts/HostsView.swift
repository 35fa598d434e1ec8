import Foundation
import ScreenCore
import TriageModel

/// The home screen: one row per internal source host, most in need of attention first, with its
/// case and why it ranks there.
enum HostsView {
    /// Identity, status and the figures that drive triage (open, bytes out, last seen) outlast
    /// decoration (the sparkline) on narrow screens; RISK shows only while the hosts differ in it.
    /// An address wider than an IPv4 one (IPv6) is elided in the middle before ACK goes, and
    /// before the sorted column would (`Table.sortedColumnPriority`).
    static let table = Table(columns: [
        .init(title: "ADDRESS", width: 15, priority: 100, minimumWidth: 15, yieldPriority: 60),
        .init(title: "HOSTNAME", width: 10, priority: 84),
        .init(title: "OPEN", width: 4, alignRight: true, priority: 95),
        .init(title: "ACK", width: 4, alignRight: true, priority: 70),
        .init(title: "CLOSED", width: 6, alignRight: true, priority: 40),
        .init(title: "DESTS", width: 5, alignRight: true, priority: 45),
        .init(title: "BYTES OUT", width: 9, alignRight: true, priority: 90),
        .init(title: "LAST SEEN", width: 9, priority: 85),
        .init(title: "CASE", width: 17, priority: 88),
        .init(title: "WHY", width: 20, flexible: true, priority: 82),
        .init(title: "ACTIVITY", width: HostsState.activityBuckets, priority: 30),
    ])
    private static let hostNameColumn = 1
    /// Hostnames get room left over (up to this width) before the ranking's reason does.
    private static let hostNameLimit = 28
    private static let lastSeenColumn = 7
    private static let whyColumn = 9
    /// Shown only while the loaded hosts differ in risk: a column that says the same on every row says nothing.
    static let riskColumn = Table.Column(title: "RISK", width: 11, priority: 44)

    static func draw(_ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        let layout = state.layout
        let area = layout.hostsList
        let hosts = state.hosts
        drawSettings(hosts, room: screen.width - FrameView.breadcrumbsEnd(state) - 2, into: &screen, theme: theme)
        let range = hosts.list.cursor.visibleRange(area.rows)
        let visibleHosts = range.compactMap { hosts.list.row(at: $0) }
        let absolute = lastSeenIsAbsolute(visibleHosts, now: state.now)
        let showsRisk = Set(hosts.list.rows.map(\.highestRisk)).count > 1
        let rows = range.map { index in
            hosts.list.row(at: index).map { cells($0, state, absoluteLastSeen: absolute, showsRisk: showsRisk) }
        }
        let loaded = rows.compactMap { $0 }
        let columns = showsRisk ? Table(columns: table.columns + [riskColumn]) : table
        let shown = columns.widening(0, toFit: loaded.map { $0[0].text })
            .preferring(hostNameColumn, toFit: loaded.map { $0[hostNameColumn].text }, limit: hostNameLimit)
            .widening(lastSeenColumn, toFit: loaded.map { $0[lastSeenColumn].text })
            .markingSort(order(hosts))
        shown.draw(into: &screen, theme: theme, top: area.headerRow, height: area.rows, rows: rows,
                   selected: hosts.list.cursor.selected - hosts.list.cursor.top)
        if hosts.list.isLoaded, hosts.list.cursor.count == 0 {
            let text = switch hosts.filter {
            case HostFilter(): "No SMB hosts in the store yet: ingest some logs first."
            case HostsState.attention: "No host needs attention (no open alerts, no open case). a shows all hosts."
            default: "No host matches the filter. Esc clears it."
            }
            screen.draw(text, row: layout.bodyTop + 2, column: 2, style: theme.muted)
        }
    }

    /// The column the hosts' sort orders by and which way round.
    private static func order(_ hosts: HostsState) -> ListOrder {
        let column = switch hosts.sort {
        case .attention: whyColumn
        case .bytesOut: 6
        case .lastSeen: lastSeenColumn
        case .address: 0
        case .destinations: 5
        }
        return ListOrder(column: column, descending: hosts.sort != .address, reversed: hosts.reversed)
    }

    /// True when the visible hosts (two or more) were all last seen the same relative time ago, so
    /// `5d ago` on every row would tell them apart no better than nothing.
    static func lastSeenIsAbsolute(_ hosts: [HostSummary], now: Date) -> Bool {
        hosts.count > 1 && Set(hosts.map { DateText.relative($0.lastSeen, now: now) }).count == 1
    }

    private static func cells(_ host: HostSummary, _ state: ConsoleState, absoluteLastSeen: Bool,
                              showsRisk: Bool) -> [Table.Cell] {
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
            Table.Cell(absoluteLastSeen ? DateText.minute(host.lastSeen, timeZone: state.timeZone)
                       : DateText.relative(host.lastSeen, now: state.now)),
            caseCell,
            Table.Cell(host.ranking.reason(size: NumberText.bytes), tone: host.ranking.isResolvedCase ? .muted : .normal),
            Table.Cell(activity, tone: .accent),
        ] + (showsRisk ? [risk] : [])
    }

    /// The list's view, filter and sort at the right of the top line, in at most `room` columns
    /// (what the breadcrumbs leave).
    private static func drawSettings(_ hosts: HostsState, room: Int, into screen: inout Screen, theme: Theme) {
        // Which hosts and the filter text come first: on a narrow terminal the end of the line is cut.
        let filter = hosts.filter.text.isEmpty ? [] : ["filter: \(hosts.filter.text)"]
        let parts = [viewName(hosts.filter)] + filter + ["sort: \(sortName(hosts.sort))\(hosts.reversed ? ", reversed" : "")"]
        let text = " " + parts.joined(separator: " · ") + " "
        let width = max(0, min(DisplayWidth.of(DisplayText.sanitized(text)), screen.width / 2, room))
        screen.draw(DisplayText.truncated(text, to: width), row: 0, column: screen.width - width - 1, style: theme.bar)
    }

    /// Which hosts the list shows, as its title says.
    static func viewName(_ filter: HostFilter) -> String {
        if filter.needsAttention { return "needs attention" }
        return switch filter.status {
        case .open: "with open alerts"
        case nil: "all hosts"
        case .acknowledged: "with acknowledged alerts"
        case .closed: "with closed alerts"
        }
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
