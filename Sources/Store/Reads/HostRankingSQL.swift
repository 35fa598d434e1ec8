import Detection
import GRDB

/// `HostRanking` in the store. `host.rank_base` keeps each host's `HostRanking.rankBase` of the
/// host's counts and case flag, and `host.rank_recent` adds the host's recency as of its last
/// activity: plain columns since v16, written by every statement that changes what they read
/// (`rankAssignments`), so their indexes alone serve a page's walk; `RankedHostWalk` orders a page
/// by them, so the page order and the reason shown beside it still come from the one formula.
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

    /// The host columns `HostRanking.rankBase` reads, in the order `rankBaseFunction` takes them.
    private static let rankInputs = [
        "open_alerts", "acknowledged_alerts", "bytes_out", "new_destination_bytes", "external_destinations",
        "unanswered_destinations", "new_destinations", "case_resolved",
    ]

    /// `HostRanking.rankBase` of a host row whose columns hold `values` (each column's SQL
    /// expression by its name; a column not named holds its own value).
    static func rankBase(of values: [String: String]) -> String {
        "smbtriage_host_rank_base(\(rankInputs.map { values[$0] ?? $0 }.joined(separator: ", ")))"
    }

    /// `rank_recent` of a host row whose columns hold `values` (as in `rankBase(of:)`): the rank
    /// it has while within the recency horizon, plus `recencyUnitsPerSecond × newest − recency at
    /// the horizon`, which every such host shares.
    static func rankRecent(of values: [String: String]) -> String {
        "\(rankBase(of: values)) + \(HostRanking.recencyUnitsPerSecond) * CAST(\(values["last_seen"] ?? "last_seen") AS INTEGER)"
    }

    /// The SET terms that keep `rank_base` and `rank_recent` (plain columns since v16) in step
    /// with an UPDATE whose other terms give the columns `values` (as in `rankBase(of:)`; SQLite
    /// evaluates every term on the row before the update). Every statement that changes a count
    /// `HostRanking` reads, the case flag or the last activity adds them.
    static func rankAssignments(_ values: [String: String] = [:]) -> String {
        "rank_base = \(rankBase(of: values)), rank_recent = \(rankRecent(of: values))"
    }

    /// `host.rank_base`'s definition from v9 to v15, when it was a generated column:
    /// `HostRanking.rankBase` of the host row's own counts and `case_resolved`.
    static let generatedRankBase = rankBase(of: [:])

    /// `rank_recent`'s definition from v9 to v15, when it was a generated column over `rank_base`.
    static let generatedRankRecent = "rank_base + \(HostRanking.recencyUnitsPerSecond) * \(lastSeenSeconds)"

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
