import Detection
import ScreenCore
import TriageModel

/// Every exception item, active, stale (nothing suppressed for 30 days) or expired, with the
/// selected item's details below.
enum ExceptionsView {
    static let table = Table(columns: [
        .init(title: "STATE", width: 9, priority: 100),
        .init(title: "SCOPE", width: 24, priority: 95),
        .init(title: "COMMENT", width: 12, flexible: true, priority: 80),
        .init(title: "AUTHOR", width: 10, priority: 50),
        // The list is sorted by it, so it outlasts the expiry on an 80-column screen.
        .init(title: "CREATED", width: 10, priority: 65),
        .init(title: "LAST DAY", width: 10, priority: 60),
        .init(title: "SUPPRESSED", width: 10, alignRight: true, priority: 70),
    ])

    static let createdColumn = 4

    static func draw(_ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        let layout = state.layout
        let exceptions = state.exceptions
        let area = layout.exceptionsList
        let range = exceptions.cursor.visibleRange(area.rows)
        table.markingSort(exceptions.order).draw(into: &screen, theme: theme, top: area.headerRow, height: area.rows,
                   rows: range.map { Optional(cells(exceptions.records[$0], state)) },
                   selected: exceptions.cursor.selected - exceptions.cursor.top)
        if exceptions.isLoaded, exceptions.records.isEmpty {
            screen.draw("No exceptions. Add one with a or from an alert with e.", row: layout.bodyTop + 2, column: 2, style: theme.muted)
        }
        guard let selected = exceptions.selected else { return }
        let top = area.headerRow + area.rows + 1
        let item = selected.item
        var lines = [StyledLine("  " + item.name, theme.style(.accent, .bold))]
        lines += StyledLine.field("Comment", item.comment, width: screen.width, theme: theme, labelWidth: 10)
        lines += StyledLine.field("Id", item.id, width: screen.width, theme: theme, labelWidth: 10)
        StyledLine.draw(lines, scroll: 0, top: top, height: 4, into: &screen)
    }

    private static func cells(_ record: ExceptionRecord, _ state: ConsoleState) -> [Table.Cell] {
        let item = record.item
        let active = item.isActive(at: state.now)
        let stateCell = if record.isStale(at: state.now, days: ExceptionRecord.defaultStaleDays) {
            Table.Cell("◐ stale", tone: .medium)
        } else {
            Table.Cell(active ? "● active" : "○ expired", tone: active ? .ok : .muted, emphasis: active ? .bold : [])
        }
        return [
            stateCell,
            Table.Cell(ExceptionText.scope(item)),
            Table.Cell(item.comment),
            Table.Cell(item.author, tone: .muted),
            Table.Cell(DateText.day(item.createdAt, timeZone: state.timeZone), tone: .muted),
            Table.Cell(item.expiresAt.map { Expiry.lastDay($0, timeZone: state.timeZone) } ?? "never"),
            Table.Cell(NumberText.grouped(record.suppressedEvents)),
        ]
    }
}
