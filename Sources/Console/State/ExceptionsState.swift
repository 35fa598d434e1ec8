import Store

/// All exception items.
struct ExceptionsState: Hashable, Sendable {
    var records: [ExceptionRecord] = []
    var cursor = ListCursor()
    var isLoaded = false

    var selected: ExceptionRecord? {
        records.indices.contains(cursor.selected) ? records[cursor.selected] : nil
    }
}
