import Detection
import GRDB

/// `HostRanking` in the store. `host.rank_base` keeps each host's `HostRanking.rankBase`, a
/// generated column SQLite computes from the host's counts and case flag (schema v9), and
/// `host.rank_recent` adds the host's recency as of its last activity; `RankedHostWalk` orders a
/// page by them through their indexes, so the page order and the reason shown beside it still come
/// from the one formula.
enum HostRankingSQL {
    /// The function every store connection registers: `HostRanking.rankBase` of a host's counts
    /// and whether its case is resolved.
    static let rankBaseFunction = DatabaseFunction("smbtriage_host_rank_base", argumentCount: 8, pure: true) { values in
        func integer(_ index: Int) -> Int64 { Int64.fromDatabaseValue(values[index]) ?? 0 }
        return HostRanking(
            openAlerts: Int(integer(0)), acknowledgedAlerts: Int(integer(1)), bytesOut: integer(2),
            bytesToNewDestinations: integer(3), externalDestinations: Int(integer(4)),
            unansweredDestinations: Int(integer(5)), newDestinations: Int(integer(6)),
            idle: 0, isResolvedCase: integer(7) != 0
        ).rankBase
    }

    /// `host.rank_base`'s definition: `HostRanking.rankBase` of the host row's own counts and
    /// `case_resolved`, which SQLite computes whenever it writes the row.
    static let rankBase = """
        smbtriage_host_rank_base(open_alerts, acknowledged_alerts, bytes_out, new_destination_bytes,
            external_destinations, unanswered_destinations, new_destinations, case_resolved)
        """

    /// `rank_recent`: the rank a host has while it is within the recency horizon, plus
    /// `recencyUnitsPerSecond × newest − recency at the horizon`, which every such host shares.
    static let rankRecent = "rank_base + \(HostRanking.recencyUnitsPerSecond) * \(lastSeenSeconds)"

    /// A host's `HostRanking.rank` when the newest activity of any host is `newestSecond`, as one
    /// expression: what `RankedHostWalk` merges from the two indexes, for queries that number
    /// every host (a whole-list search) rather than walk to one page.
    static func rank(newestSecond: Int64) -> String {
        "(CASE WHEN \(lastSeenSeconds) > \(horizonStart(newestSecond)) "
            + "THEN rank_recent - \(sharedRecency(newestSecond)) ELSE rank_base END)"
    }

    /// The newest second any host was last seen (0 for no host): what the ranking's recency is
    /// measured from.
    static func newestSecond(_ db: Database) throws -> Int64 {
        try Double.fetchOne(db, sql: "SELECT max(last_seen) FROM host").map { Int64($0) } ?? 0
    }

    /// The last second outside the recency horizon when the newest activity is `newestSecond`:
    /// hosts last seen after it rank by `rank_recent`, the others by `rank_base`.
    static func horizonStart(_ newestSecond: Int64) -> Int64 {
        newestSecond - Int64(HostRanking.recencyHorizon)
    }

    /// What every host within the horizon shares in `rank_recent`; less it, `rank_recent` is the rank.
    static func sharedRecency(_ newestSecond: Int64) -> Int64 {
        HostRanking.recencyUnitsPerSecond * horizonStart(newestSecond)
    }

    /// A host's last activity in whole seconds (toward zero, as `HostRanking.rank` takes idle).
    static let lastSeenSeconds = "CAST(last_seen AS INTEGER)"
}
