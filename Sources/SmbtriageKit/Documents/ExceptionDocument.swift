import Detection
import Foundation
import Store
import TriageModel

/// An exception item with its state and hit counts, in `exceptions list --json`.
public struct ExceptionDocument: Encodable, Sendable {
    var id, name, comment, author, createdAt: String
    var expiresAt: Nullable<String>
    var isActive, isStale: Bool
    var state: String
    var suppressedEvents: Int
    var lastSuppressedAt: Nullable<String>
    var conditions: String
    var entries: [KibanaEntryDocument]

    /// `record` at `now`: stale when it suppressed nothing in `staleDays` days.
    public init(_ record: ExceptionRecord, now: Date, staleDays: Int) {
        let item = record.item
        id = item.id
        name = item.name
        comment = item.comment
        author = item.author
        createdAt = JSONLines.date(item.createdAt)
        expiresAt = Nullable(item.expiresAt.map(JSONLines.date))
        isActive = item.isActive(at: now)
        isStale = record.isStale(at: now, days: staleDays)
        state = Self.state(record, now: now, staleDays: staleDays)
        suppressedEvents = record.suppressedEvents
        lastSuppressedAt = Nullable(record.lastSuppressedAt.map(JSONLines.date))
        conditions = item.conditionSummary
        entries = item.entries.map(KibanaEntryDocument.init)
    }

    /// `active`, `stale` or `expired`.
    public static func state(_ record: ExceptionRecord, now: Date, staleDays: Int) -> String {
        guard record.item.isActive(at: now) else { return "expired" }
        return record.isStale(at: now, days: staleDays) ? "stale" : "active"
    }

    enum CodingKeys: String, CodingKey {
        case id = "item_id", name, comment, author = "created_by", createdAt = "created_at", expiresAt = "expire_time"
        case isActive = "active", isStale = "stale", state, suppressedEvents = "suppressed_events"
        case lastSuppressedAt = "last_suppressed_at", conditions, entries
    }
}
