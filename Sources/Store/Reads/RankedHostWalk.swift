import Detection
import Foundation
import GRDB

/// The hosts list in `HostRanking.rank` order (highest first, ties in address order) as a merge
/// of two index walks, so a page costs the rows before it and computes nothing per row: the
/// hosts active within the recency horizon of the newest activity, by `rank_recent` (their rank
/// is `rank_recent` less what they all share), and the others, by `rank_base` (their rank). Each
/// walk is stepped through the SQLite C API (`RawStatement`): an index entry costs SQLite's step
/// and no row decoding.
struct RankedHostWalk {
    /// The newest activity of any host, in whole seconds.
    let newestSecond: Int64
    /// What a page's hosts must satisfy, on `host h` (and `host_case c` when `joinsCase`).
    let conditions: [String]
    let arguments: StatementArguments
    let joinsCase: Bool

    /// The addresses of the `limit` hosts from `offset` in rank order; in the reverse order
    /// (lowest rank first, `offset` counted from the lowest) when `reversed`.
    func addresses(_ db: Database, offset: Int, limit: Int, reversed: Bool) throws -> [Data] {
        let count = offset + limit
        let recent = try Arm(db, walk: self, isRecent: true, count: count, reversed: reversed)
        defer { recent.finish() }
        // A store whose hosts are all within the horizon has no stale host to walk to: without this
        // look-up (one index probe) the stale walk would step through every host to find none.
        let stale = try hasStaleHost(db) ? Arm(db, walk: self, isRecent: false, count: count, reversed: reversed) : nil
        defer { stale?.finish() }
        var page: [Data] = []
        for position in 0..<count {
            guard let next = Arm.first(recent, stale, reversed: reversed) else { break }
            if position >= offset { page.append(next.blob) }
            try next.advance()
        }
        return page
    }

    /// One walk's statement (arguments: the recency all its hosts share, the horizon's start,
    /// the conditions' arguments, the count): the hosts within the recency horizon by
    /// `rank_recent` when `isRecent`, the others by `rank_base`. Unfiltered, it reads its index
    /// alone (both ranks are plain columns since v16).
    func sql(isRecent: Bool, reversed: Bool) -> String {
        let (column, index) = isRecent ? ("rank_recent", "host_rank_recent") : ("rank_base", "host_rank_base")
        let join = joinsCase ? "LEFT JOIN host_case c ON c.host = h.address" : ""
        let conditions = ["\(HostRankingSQL.lastSeenSeconds) \(isRecent ? ">" : "<=") ?"] + conditions
        return """
            SELECT h.address, h.\(column) - ? FROM host h INDEXED BY \(index) \(join)
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY h.\(column) \(reversed ? "ASC" : "DESC"), h.address \(reversed ? "DESC" : "ASC")
            LIMIT ?
            """
    }

    /// Whether any host was last active outside the recency horizon: whether the oldest last
    /// activity (`host_last_seen` gives it), in whole seconds, is before the horizon.
    private func hasStaleHost(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT CAST(min(last_seen) AS INTEGER) <= ? FROM host",
                          arguments: [HostRankingSQL.horizonStart(newestSecond)]) ?? false
    }

    /// One index walk: its current host and rank, and the rows after it.
    private final class Arm {
        private var rows: RawStatement
        /// False once the walk has no current host.
        private(set) var hasHost = true
        private(set) var rank: Int64 = 0
        private(set) var address = IPAddress.zero

        init(_ db: Database, walk: RankedHostWalk, isRecent: Bool, count: Int, reversed: Bool) throws {
            let less = isRecent ? HostRankingSQL.sharedRecency(walk.newestSecond) : 0
            let horizonStart = HostRankingSQL.horizonStart(walk.newestSecond)
            rows = try RawStatement(db, sql: walk.sql(isRecent: isRecent, reversed: reversed),
                                    arguments: [less, horizonStart] + walk.arguments + [count])
            try advance()
        }

        /// The current host's address as stored.
        var blob: Data { rows.blob(0) ?? Data() }

        /// Moves to the next host of the walk.
        func advance() throws {
            guard hasHost, try rows.step() else {
                hasHost = false
                return
            }
            rank = rows.int64(1) ?? 0
            address = rows.address(0) ?? .zero
        }

        /// Ends the walk early (it holds its statement until then).
        func finish() {
            if hasHost { rows.reset() }
            hasHost = false
        }

        /// Whether this walk's host comes before `other`'s: the higher rank, then the lower
        /// address (the other way round when `reversed`).
        private func precedes(_ other: Arm, reversed: Bool) -> Bool {
            reversed ? (rank, other.address) < (other.rank, address) : (rank, other.address) > (other.rank, address)
        }

        /// The walk whose current host comes first (`other` nil: there is no such walk); nil when
        /// both are done.
        static func first(_ one: Arm, _ other: Arm?, reversed: Bool) -> Arm? {
            if let other, other.hasHost, !one.hasHost || other.precedes(one, reversed: reversed) { return other }
            return one.hasHost ? one : nil
        }
    }
}
