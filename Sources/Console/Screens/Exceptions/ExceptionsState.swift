import Detection
import TriageModel

/// All exception items.
struct ExceptionsState: Hashable, Sendable {
    var records: [ExceptionRecord] = []
    /// The exception guard over `records`, built when they load, for the exception forms.
    var exceptionGuard: ExceptionGuard?
    var cursor = ListCursor()
    var isLoaded = false

    var selected: ExceptionRecord? {
        records.indices.contains(cursor.selected) ? records[cursor.selected] : nil
    }
}
