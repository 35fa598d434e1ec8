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

    /// A side of the horizon with at most this many hosts is read through `host_last_seen` and
    /// sorted, rather than found by stepping through the other side's entries in its rank index
    /// (reaching the 76 idle hosts of 100 k by `rank_base` stepped past nearly every entry).
    var fewHosts = 1024

    /// The addresses of the `limit` hosts from `offset` in rank order; in the reverse order
    /// (lowest rank first, `offset` counted from the lowest) when `reversed`.
    func addresses(_ db: Database, offset: Int, limit: Int, reversed: Bool) throws -> [Data] {
        let count = offset + limit
        // How many hosts each side has, counted in `host_last_seen` up to one past `fewHosts`: a
        // side without hosts is not walked, a side with few is read through that index.
        func arm(isRecent: Bool) throws -> Arm? {
            let hosts = try hostCount(db, isRecent: isRecent, upTo: fewHosts + 1)
            guard hosts > 0 else { return nil }
            return try Arm(db, walk: self, isRecent: isRecent, throughLastSeen: hosts <= fewHosts, count: count,
                           reversed: reversed)
        }
        let recent = try arm(isRecent: true)
        defer { recent?.finish() }
        let stale = try arm(isRecent: false)
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
    /// alone (both ranks are plain columns since v16). `throughLastSeen`: the side's hosts are
    /// found through `host_last_seen` (a range wider by less than a second than the side, which
    /// the exact condition narrows) and sorted.
    func sql(isRecent: Bool, throughLastSeen: Bool, reversed: Bool) -> String {
        let (column, rankIndex) = isRecent ? ("rank_recent", "host_rank_recent") : ("rank_base", "host_rank_base")
        let index = throughLastSeen ? "host_last_seen" : rankIndex
        let join = joinsCase ? "LEFT JOIN host_case c ON c.host = h.address" : ""
        let side = "\(HostRankingSQL.lastSeenSeconds) \(isRecent ? ">" : "<=") ?2"
        let range = throughLastSeen ? [Self.lastSeenRange(isRecent: isRecent, horizonStart: "?2")] : []
        return """
            SELECT h.address, h.\(column) - ?1 FROM host h INDEXED BY \(index) \(join)
            WHERE \((range + [side] + conditions).joined(separator: " AND "))
            ORDER BY h.\(column) \(reversed ? "ASC" : "DESC"), h.address \(reversed ? "DESC" : "ASC")
            LIMIT ?
            """
    }

    /// A range of `last_seen` that holds every host of one side of the horizon (whose start is
    /// `horizonStart`) and a few of the other side: whole seconds round toward zero.
    private static func lastSeenRange(isRecent: Bool, horizonStart: String) -> String {
        isRecent ? "last_seen > \(horizonStart)" : "last_seen < \(horizonStart) + 1"
    }

    /// The hosts of one side of the horizon, counted up to `limit` in `host_last_seen` alone.
    private func hostCount(_ db: Database, isRecent: Bool, upTo limit: Int) throws -> Int {
        let horizonStart = HostRankingSQL.horizonStart(newestSecond)
        return try Int.fetchOne(db, sql: """
            SELECT count(*) FROM (SELECT 1 FROM host INDEXED BY host_last_seen
                                  WHERE \(Self.lastSeenRange(isRecent: isRecent, horizonStart: "?1"))
                                    AND \(HostRankingSQL.lastSeenSeconds) \(isRecent ? ">" : "<=") ?1
                                  LIMIT ?2)
            """, arguments: [horizonStart, limit]) ?? 0
    }

    /// One index walk: its current host and rank, and the rows after it.
    private final class Arm {
        private var rows: RawStatement
        /// False once the walk has no current host.
        private(set) var hasHost = true
        private(set) var rank: Int64 = 0
        private(set) var address = IPAddress.zero

        init(_ db: Database, walk: RankedHostWalk, isRecent: Bool, throughLastSeen: Bool, count: Int,
             reversed: Bool) throws {
            let less = isRecent ? HostRankingSQL.sharedRecency(walk.newestSecond) : 0
            let horizonStart = HostRankingSQL.horizonStart(walk.newestSecond)
            rows = try RawStatement(db, sql: walk.sql(isRecent: isRecent, throughLastSeen: throughLastSeen, reversed: reversed),
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
        /// address in the store's order (the other way round when `reversed`).
        private func precedes(_ other: Arm, reversed: Bool) -> Bool {
            let mine = (rank, other.address.storeFamily, other.address), theirs = (other.rank, address.storeFamily, address)
            return reversed ? mine < theirs : mine > theirs
        }

        /// The walk whose current host comes first (nil: there is no such walk); nil when both
        /// are done.
        static func first(_ one: Arm?, _ other: Arm?, reversed: Bool) -> Arm? {
            guard let one, one.hasHost else { return other?.hasHost == true ? other : nil }
            guard let other, other.hasHost else { return one }
            return other.precedes(one, reversed: reversed) ? other : one
        }
    }
}
