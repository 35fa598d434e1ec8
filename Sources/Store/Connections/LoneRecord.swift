import Detection
import Foundation

/// A stored record no other sensor reported: a connection of its own, with no `connection` row
/// (schema v21). Its row keeps what finds it when a second record of the connection comes: its
/// Community ID's key (`community_key`) and, when its span starts before its time (`seen_at`, a
/// report's or a timed-out flow's), that start (`lone_start`), both in `event_lone_community`.
enum LoneRecord {
    /// A lone record's start in SQL (alias `e`), as `event_lone_community` indexes it.
    static let start = "coalesce(e.lone_start, e.seen_at)"

    /// The `community_key` a record's row keeps: its Community ID's key when it is lone, else nil
    /// (a record stored into a `connection` row is found through the row). A lone record keeps
    /// its key and its start once a second record joins it; `event_lone_community` leaves it out
    /// from then on.
    static func storedKey(of event: NetworkEvent, link: ConnectionLink) -> Int64? {
        link.connectionID == nil ? event.communityID.map(CommunityKey.of) : nil
    }

    /// The `lone_start` a record's row keeps: the start of its span when it is lone and that is
    /// not its time, else nil (a record of a `connection` row is found through the row).
    static func storedStart(of link: ConnectionLink, seenAt: Date) -> Date? {
        guard link.connectionID == nil, link.row.span.start != seenAt else { return nil }
        return link.row.span.start
    }
}
