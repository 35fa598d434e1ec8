import Detection
import Foundation

/// A stored exception item with what the console and `exceptions list` show about it.
public struct ExceptionRecord: Hashable, Sendable, Identifiable {
    public var id: String { item.id }
    public var item: ExceptionItem
    /// How many events this item has suppressed across executions.
    public var suppressedEvents: Int
    /// When an execution last suppressed an event with this item (from the execution log), or nil.
    public var lastSuppressedAt: Date?

    public init(item: ExceptionItem, suppressedEvents: Int, lastSuppressedAt: Date? = nil) {
        self.item = item
        self.suppressedEvents = suppressedEvents
        self.lastSuppressedAt = lastSuppressedAt
    }

    /// How many days without a suppression make an active item stale, unless told otherwise.
    public static let defaultStaleDays = 30

    /// True for an active item that has suppressed nothing for `days` days: none since
    /// `now - days`, and it is at least that old (a new item has had no chance yet).
    public func isStale(at now: Date, days: Int) -> Bool {
        let since = now.addingTimeInterval(-Double(days) * 86_400)
        return item.isActive(at: now) && item.createdAt <= since && (lastSuppressedAt ?? .distantPast) < since
    }
}
