import Detection
import Foundation

/// A stored exception item with what the console and `exceptions list` show about it.
public struct ExceptionRecord: Hashable, Sendable, Identifiable {
    public var id: String { item.id }
    public var item: ExceptionItem
    /// How many events this item has suppressed across executions.
    public var suppressedEvents: Int

    public init(item: ExceptionItem, suppressedEvents: Int) {
        self.item = item
        self.suppressedEvents = suppressedEvents
    }
}
