import Detection
import TriageModel

/// All exception items.
struct ExceptionsState: Hashable, Sendable {
    /// Every item, in the order shown: oldest first by CREATED (as the store lists them), or reversed.
    var records: [ExceptionRecord] = []
    var order = ListOrder(column: ExceptionsView.createdColumn, descending: false)
    /// The exception guard over `records`, built when they load, for the exception forms.
    var exceptionGuard: ExceptionGuard?
    var cursor = ListCursor()
    var isLoaded = false

    var selected: ExceptionRecord? {
        records.indices.contains(cursor.selected) ? records[cursor.selected] : nil
    }

    /// `I`: the list the other way round, the selection staying on its item.
    mutating func reverse(visible: Int) {
        order.reverse(&records, cursor: &cursor, visible: visible)
    }
}
