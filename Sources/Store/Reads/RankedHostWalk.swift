import Detection
import Foundation
import GRDB

/// The hosts list in `HostRanking.rank` order (highest first, ties in address order) as a merge
/// of two index walks, so a page costs the rows before it and computes nothing per row: the
/// hosts active within the recency horizon of the newest activity, by `rank_recent` (their rank
/// is `rank_recent` less what they all share), and the others, by `rank_base` (their rank).
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
        let recent = try Arm(db, walk: self, column: "rank_recent", index: "host_rank_recent", isRecent: true,
                             less: HostRankingSQL.sharedRecency(newestSecond), count: count, reversed: reversed)
        let stale = try Arm(db, walk: self, column: "rank_base", index: "host_rank_base", isRecent: false,
                            less: 0, count: count, reversed: reversed)
        var page: [Data] = []
        for position in 0..<count {
            guard let next = try Arm.first(recent, stale, reversed: reversed) else { break }
            if position >= offset { page.append(next) }
        }
        return page
    }

    /// One index walk: its current host and rank, and the rows after it.
    private final class Arm {
        private let rows: RowCursor
        private(set) var rank: Int64 = 0
        private(set) var address = IPAddress.zero
        private(set) var blob: Data?

        init(_ db: Database, walk: RankedHostWalk, column: String, index: String, isRecent: Bool, less: Int64,
             count: Int, reversed: Bool) throws {
            let join = walk.joinsCase ? "LEFT JOIN host_case c ON c.host = h.address" : ""
            let horizonStart = HostRankingSQL.horizonStart(walk.newestSecond)
            let conditions = ["\(HostRankingSQL.lastSeenSeconds) \(isRecent ? ">" : "<=") ?"] + walk.conditions
            rows = try Row.fetchCursor(db, sql: """
                SELECT h.address, h.\(column) - ? FROM host h INDEXED BY \(index) \(join)
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY h.\(column) \(reversed ? "ASC" : "DESC"), h.address \(reversed ? "DESC" : "ASC")
                LIMIT ?
                """, arguments: [less, horizonStart] + walk.arguments + [count])
            try advance()
        }

        private func advance() throws {
            guard let row = try rows.next() else {
                blob = nil
                return
            }
            let data: Data = row[0]
            blob = data
            rank = row[1]
            address = IPAddress(storeBlob: data) ?? .zero
        }

        /// Takes the host that comes first of the two walks' current hosts.
        static func first(_ one: Arm, _ other: Arm, reversed: Bool) throws -> Data? {
            let taken: Arm
            switch (one.blob, other.blob) {
            case (nil, nil): return nil
            case (_, nil): taken = one
            case (nil, _): taken = other
            default:
                let oneFirst = reversed ? (one.rank, other.address) < (other.rank, one.address)
                                        : (one.rank, other.address) > (other.rank, one.address)
                taken = oneFirst ? one : other
            }
            let blob = taken.blob
            try taken.advance()
            return blob
        }
    }
}
