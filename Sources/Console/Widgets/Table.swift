import ScreenCore

/// A list drawn as columns under a header. What does not fit gives way, lowest priority first: a
/// column is dropped, an elidable column's room beyond its minimum shrinks (its values elided in the
/// middle with `…`); the column the rows are sorted by outlasts every column below
/// `sortedColumnPriority` (a list's identity and triage figures rank above it). Then each column
/// with a preferred width (highest priority first) grows towards it, taking the room of columns of
/// lower priority but the sorted one when the room left over is not enough; an elided column gets
/// back what is left, and the flexible column takes the rest.
struct Table {
    struct Column {
        var title: String
        /// The width the column needs; it is dropped rather than drawn narrower.
        var width: Int
        var alignRight = false
        var flexible = false
        /// Higher survives longer on narrow screens.
        var priority = 50
        /// The width the column grows to when there is room left (e.g. to show whole hostnames).
        var preferredWidth = 0
        /// Set for an elidable column: the narrowest it is drawn, its values elided in the middle.
        var minimumWidth: Int?
        /// The priority of an elidable column's room beyond `minimumWidth`: it gives way before
        /// columns of higher priority are dropped.
        var yieldPriority = 0
        /// The column the rows are sorted by (`markingSort`): no other column's growth to its
        /// preferred width takes its room.
        var isSorted = false
    }

    struct Cell {
        var text: String
        var tone: Tone = .normal
        var emphasis: Emphasis = []

        init(_ text: String, tone: Tone = .normal, emphasis: Emphasis = []) {
            self.text = text
            self.tone = tone
            self.emphasis = emphasis
        }
    }

    var columns: [Column]

    /// The table with column `index` widened to fit the widest of `texts` (up to `limit`), e.g.
    /// for IPv6 addresses.
    func widening(_ index: Int, toFit texts: [String], limit: Int = 41) -> Table {
        var table = self
        let widest = texts.map(DisplayText.width).max() ?? 0
        table.columns[index].width = min(limit, max(table.columns[index].width, widest))
        return table
    }

    /// The table with column `index` preferring the width of the widest of `texts` (up to `limit`):
    /// it gets that room when the screen has it left over, before the flexible column does.
    func preferring(_ index: Int, toFit texts: [String], limit: Int) -> Table {
        var table = self
        let widest = texts.map(DisplayText.width).max() ?? 0
        table.columns[index].preferredWidth = min(limit, widest)
        return table
    }

    /// The priority the column the rows are sorted by has at least: it gives way only to the
    /// columns a list ranks above it (an address, its open count, bytes, hostname, last seen),
    /// on a screen too narrow for them and it; the pane's title names the order then.
    static let sortedColumnPriority = 83

    /// The table with `order`'s arrow after the title of the column the rows are sorted by, widened
    /// so the mark shows, and kept before every column below `sortedColumnPriority`.
    func markingSort(_ order: ListOrder) -> Table {
        var table = self
        table.columns[order.column].title += " " + order.arrow
        table.columns[order.column].priority = max(table.columns[order.column].priority, Self.sortedColumnPriority)
        table.columns[order.column].isSorted = true
        table.columns[order.column].width = max(table.columns[order.column].width,
                                                DisplayText.width(table.columns[order.column].title))
        return table
    }

    /// The columns shown at `width` (with their final widths), in their original order.
    func layout(width: Int) -> [(index: Int, column: Column)] {
        var kept = Array(columns.enumerated())
        func needed() -> Int { kept.reduce(0) { $0 + $1.element.width } + max(0, kept.count - 1) + 2 }
        while needed() > width, kept.count > 1 {
            let drops = kept.indices
                .map { (priority: kept[$0].element.priority, position: $0, shrinks: false) }
            let shrinks = kept.indices.filter { kept[$0].element.width > kept[$0].element.minimumWidth ?? .max }
                .map { (priority: kept[$0].element.yieldPriority, position: $0, shrinks: true) }
            guard let next = (drops + shrinks).min(by: { $0.priority < $1.priority }) else { break }
            if next.shrinks, let minimum = kept[next.position].element.minimumWidth {
                kept[next.position].element.width = max(minimum, kept[next.position].element.width - (needed() - width))
            } else {
                kept.remove(at: next.position)
            }
        }
        let growing = kept.filter { $0.element.preferredWidth > $0.element.width }
            .sorted { $0.element.priority > $1.element.priority }.map(\.offset)
        for index in growing {
            guard let position = kept.firstIndex(where: { $0.offset == index }) else { continue }
            let column = kept[position].element
            let wanted = column.preferredWidth - column.width
            while width - needed() < wanted,
                  let drop = kept.indices.filter({ kept[$0].element.priority < column.priority && !kept[$0].element.isSorted })
                      .min(by: { kept[$0].element.priority < kept[$1].element.priority }) {
                kept.remove(at: drop)
            }
            guard let grown = kept.firstIndex(where: { $0.offset == index }) else { continue }
            kept[grown].element.width += min(wanted, max(0, width - needed()))
        }
        for position in kept.indices {
            let elided = columns[kept[position].offset].width - kept[position].element.width
            if elided > 0 { kept[position].element.width += min(elided, max(0, width - needed())) }
        }
        let spare = max(0, width - needed())
        return kept.map { entry in
            var column = entry.element
            if column.flexible { column.width += spare }
            return (entry.offset, column)
        }
    }

    /// Draws the header at `top` and `rows` below it; `nil` rows are still loading. Row `selected`
    /// is drawn with `›` in reverse video (underlined when the
    /// table is not focused), marked rows get a `▌` in the gutter.
    func draw(into screen: inout Screen, theme: Theme, top: Int, height: Int, rows: [[Cell]?],
              selected: Int?, marked: Set<Int> = [], focused: Bool = true) {
        let shown = layout(width: screen.width)
        var column = 2
        for (_, spec) in shown {
            screen.draw(DisplayText.fitted(spec.title, to: spec.width, alignRight: spec.alignRight), row: top, column: column,
                        style: theme.header)
            column += spec.width + 1
        }
        for (offset, cells) in rows.prefix(max(0, height)).enumerated() {
            let row = top + 1 + offset
            let isSelected = offset == selected
            if marked.contains(offset) { screen.draw("▌", row: row, column: 0, style: theme.style(.accent, .bold)) }
            guard let cells else {
                screen.draw("…", row: row, column: 2, style: theme.muted)
                continue
            }
            column = 2
            for (index, spec) in shown {
                let cell = index < cells.count ? cells[index] : Cell("")
                let value = spec.minimumWidth == nil ? cell.text : DisplayText.elided(cell.text, to: spec.width)
                let text = DisplayText.fitted(value, to: spec.width, alignRight: spec.alignRight)
                screen.draw(text, row: row, column: column, style: theme.style(cell.tone, cell.emphasis))
                column += spec.width + 1
            }
            if isSelected {
                screen.draw("›", row: row, column: 1, style: theme.style(.accent, .bold))
                let emphasis: Emphasis = focused ? .reverse : .underline
                for index in 0..<screen.width { screen[row, index].style.emphasis.formUnion(emphasis) }
            }
        }
    }
}
