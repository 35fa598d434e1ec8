import Detection
import Foundation
import GRDB

/// The hosts list in `HostRanking.rank` order (highest first, ties in address order) as a merge
/// of two index walks, so a page costs the index entries before it and computes nothing per row:
/// the hosts active within the recency horizon of the newest activity, by `rank_recent` (their
/// rank is `rank_recent` less what they all share), and the others, by `rank_base` (their rank).
/// The hosts before a page are skipped inside SQLite (`start`); the page's own hosts are stepped
/// through the SQLite C API (`RawStatement`): an index entry costs SQLite's step and no row
/// decoding.
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

    /// Up to this many hosts before a page are stepped through one by one; the rest are skipped
    /// by counting inside SQLite (`start(_:sides:offset:reversed:)`).
    var steppedHosts = 64

    /// The addresses of the `limit` hosts from `offset` in rank order; in the reverse order
    /// (lowest rank first, `offset` counted from the lowest) when `reversed`.
    func addresses(_ db: Database, offset: Int, limit: Int, reversed: Bool) throws -> [Data] {
        // How many hosts each side has, counted in `host_last_seen` up to one past `fewHosts`: a
        // side without hosts is not walked, a side with few is read through that index.
        let sides = try [true, false].compactMap { isRecent -> Side? in
            let hosts = try hostCount(db, isRecent: isRecent, upTo: fewHosts + 1)
            return hosts > 0 ? Side(isRecent: isRecent, throughLastSeen: hosts <= fewHosts) : nil
        }
        let start = try self.start(db, sides: sides, offset: offset, reversed: reversed)
        let stepped = offset - start.skipped
        let arms = try sides.map { try Arm(db, walk: self, side: $0, after: start.after, count: stepped + limit, reversed: reversed) }
        defer { arms.forEach { $0.finish() } }
        var page: [Data] = []
        for position in 0..<(stepped + limit) {
            guard let next = Arm.first(arms.first, arms.dropFirst().first, reversed: reversed) else { break }
            if position >= stepped { page.append(next.blob) }
            try next.advance()
        }
        return page
    }

    /// One side of the recency horizon: the hosts within it (`isRecent`, walked by `rank_recent`)
    /// or the others (by `rank_base`); `throughLastSeen`: found through `host_last_seen` and sorted.
    struct Side {
        let isRecent: Bool
        let throughLastSeen: Bool

        /// The rank column the side is walked by.
        var column: String { isRecent ? "rank_recent" : "rank_base" }

        /// What the side's column holds beyond the rank (the recency all its hosts share).
        func less(_ newestSecond: Int64) -> Int64 {
            isRecent ? HostRankingSQL.sharedRecency(newestSecond) : 0
        }
    }

    /// A host's place in the list's order: its rank and its address as stored.
    struct Place: Equatable {
        let rank: Int64
        let address: Data
    }

    /// One walk's statement (arguments: the recency all its hosts share, the horizon's start,
    /// the conditions' arguments, the place it starts after (its column value twice, its address)
    /// when `afterPlace`, the limit and the offset): `side`'s hosts by its rank column. Unfiltered,
    /// it reads its index alone (both ranks are plain columns since v16). A side read
    /// `throughLastSeen` is found through `host_last_seen` (a range wider by less than a second
    /// than the side, which the exact condition narrows) and sorted.
    func sql(_ side: Side, reversed: Bool, afterPlace: Bool = false) -> String {
        let column = side.column
        return """
            SELECT h.address, h.\(column) - ?1
            \(source(side, bounds: afterPlace ? [Self.after(column, reversed: reversed)] : []))
            ORDER BY h.\(column) \(reversed ? "ASC" : "DESC"), h.address \(reversed ? "DESC" : "ASC")
            LIMIT ? OFFSET ?
            """
    }

    /// The statement that walks `side` from the host after `place` (from its first when nil) and
    /// its arguments, less the LIMIT and OFFSET that end them.
    func walk(_ side: Side, after place: Place?, reversed: Bool) -> (sql: String, arguments: StatementArguments) {
        let bound = place.map { arguments(after: $0, side: side) } ?? []
        return (sql(side, reversed: reversed, afterPlace: place != nil),
                leadingArguments(side) + bound)
    }

    /// The FROM and WHERE of a side's statements: its hosts that satisfy the conditions and the
    /// `bounds` (whose arguments follow the conditions').
    func source(_ side: Side, bounds: [String]) -> String {
        let index = side.throughLastSeen ? "host_last_seen" : (side.isRecent ? "host_rank_recent" : "host_rank_base")
        let join = joinsCase ? "LEFT JOIN host_case c ON c.host = h.address" : ""
        let horizon = "\(HostRankingSQL.lastSeenSeconds) \(side.isRecent ? ">" : "<=") ?2"
        let range = side.throughLastSeen ? [Self.lastSeenRange(isRecent: side.isRecent, horizonStart: "?2")] : []
        return "FROM host h INDEXED BY \(index) \(join) WHERE \((range + [horizon] + conditions + bounds).joined(separator: " AND "))"
    }

    /// The hosts after a place in the list's order (the other way round when `reversed`), on a
    /// side walked by `column`; its arguments: `arguments(after:side:)`.
    static func after(_ column: String, reversed: Bool) -> String {
        reversed ? "h.\(column) >= ? AND (h.\(column) > ? OR h.address < ?)"
            : "h.\(column) <= ? AND (h.\(column) < ? OR h.address > ?)"
    }

    /// The arguments of `after(_:reversed:)` for `place` on `side`.
    func arguments(after place: Place, side: Side) -> StatementArguments {
        let value = place.rank + side.less(newestSecond)
        return [value, value, place.address]
    }

    /// The arguments every statement of `side` starts with: the recency its hosts share, the
    /// horizon's start, the conditions' arguments.
    func leadingArguments(_ side: Side) -> StatementArguments {
        [side.less(newestSecond), HostRankingSQL.horizonStart(newestSecond)] + arguments
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

        /// The walk of `side` from the host after `place` (from the first when nil), `count` hosts at most.
        init(_ db: Database, walk: RankedHostWalk, side: Side, after place: Place?, count: Int, reversed: Bool) throws {
            let statement = walk.walk(side, after: place, reversed: reversed)
            rows = try RawStatement(db, sql: statement.sql, arguments: statement.arguments + [count, 0])
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
