import Detection
import GRDB
import TriageModel

/// The hosts list's default order in SQL: `HostRanking.score` as an SQL function over a `host`
/// row, so the one formula orders the page and explains it. `idle` is measured against the
/// newest `last_seen` of any host, which the query binds as its first argument.
enum HostRankingSQL {
    /// The function every store connection registers.
    static let function = DatabaseFunction("smbtriage_host_score", argumentCount: 9, pure: true) { values in
        func integer(_ index: Int) -> Int64 { Int64.fromDatabaseValue(values[index]) ?? 0 }
        return HostRanking(
            openAlerts: Int(integer(0)), acknowledgedAlerts: Int(integer(1)), bytesOut: integer(2),
            bytesToNewDestinations: integer(3), externalDestinations: Int(integer(4)),
            unansweredDestinations: Int(integer(5)), newDestinations: Int(integer(6)),
            idle: Double.fromDatabaseValue(values[7]) ?? 0, isResolvedCase: integer(8) != 0
        ).score
    }

    /// Whether the host's case (alias `c`: the hosts query joins `host_case`) is resolved.
    static let resolvedCaseTerm = "coalesce(c.state = '\(CaseState.resolved.rawValue)', 0)"

    /// The ORDER BY term (the query names `idle`, see `SMBStore.hosts`).
    static let score = """
        smbtriage_host_score(open_alerts, acknowledged_alerts, bytes_out, new_destination_bytes, external_destinations,
                             unanswered_destinations, new_destinations, idle, \(resolvedCaseTerm))
        """
}
