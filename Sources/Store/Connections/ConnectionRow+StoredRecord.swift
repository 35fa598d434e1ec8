import Detection
import Foundation

extension ConnectionRow {
    /// The columns `init(storedRecord:startingAt:)` reads, qualified with the table alias `e`.
    static let recordSelection = "e.is_external, \(EventColumns.fieldSelection)"

    /// The connection one stored record describes on its own: a lone record's connection (it has
    /// no `connection` row, schema v21), or what a record brought to its connection. Reads the
    /// columns of `recordSelection` from `start`.
    init(storedRecord row: some ColumnReading, startingAt start: Int) {
        let event = EventColumns.event(from: row, startingAt: start + 1)
        let seenAt = Date(storeSeconds: row.double(Int32(start + 1)) ?? 0)
        self.init(event, span: ConnectionSpan(of: event, seenAt: seenAt), isExternal: row.int64(Int32(start)) == 1)
    }
}
