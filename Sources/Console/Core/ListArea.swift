/// Where a list is drawn: its column header's screen row and the rows under it. `Layout` places
/// each list once; the view draws there and the mouse finds the row under the pointer there.
struct ListArea: Hashable, Sendable {
    /// The lists the screens show.
    enum List: Hashable, Sendable {
        case hosts, destinations, hostAlerts, flows, exceptions
    }

    var list: List
    /// The screen row of the column header; the list's rows follow it.
    var headerRow: Int
    /// How many of the list's rows fit under the header.
    var rows: Int

    /// The screen rows the list covers, its header included.
    var screenRows: ClosedRange<Int> { headerRow...(headerRow + rows) }

    /// How far below the first visible row screen row `row` is, or nil when it is not one of the rows.
    func visibleOffset(ofScreenRow row: Int) -> Int? {
        let offset = row - headerRow - 1
        return (0..<rows).contains(offset) ? offset : nil
    }
}
