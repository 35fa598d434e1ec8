import Detection
import Foundation
import GRDB

/// Which external destinations are new for their host (first contacted
/// `HostRanking.newDestinationGrace` after the host's first activity) and the host counts that
/// follow. The writer decides it per new pair as it stores; when older records move a host's
/// first activity earlier, its pairs are decided again here.
enum NewDestinations {
    /// Decides every pair of `host` again (of every host when nil) and recounts their host rows,
    /// with their rank unless `ranking` is false (a store before v16 keeps no plain rank).
    static func recount(_ db: Database, host: Data? = nil, ranking: Bool = true) throws {
        let hostPairs = host == nil ? "" : "AND host = ?"
        let hostRow = host == nil ? "" : "WHERE address = ?"
        let arguments: StatementArguments = host.map { [$0] } ?? []
        try db.execute(sql: """
            UPDATE host_destination SET is_new = is_external
                AND first_seen >= ? + (SELECT first_seen FROM host WHERE address = host_destination.host)
            WHERE 1 \(hostPairs)
            """, arguments: [HostRanking.newDestinationGrace] + arguments)
        try db.execute(sql: """
            UPDATE host SET
                new_destinations = (SELECT COUNT(*) FROM host_destination d WHERE d.host = host.address AND d.is_new),
                new_destination_bytes = (SELECT coalesce(sum(d.bytes_sent), 0) FROM host_destination d
                                         WHERE d.host = host.address AND d.is_new)
            \(hostRow)
            """, arguments: arguments)
        guard ranking else { return }
        try db.cachedStatement(sql: "UPDATE host SET \(HostRankingSQL.rankAssignments()) \(hostRow)")
            .execute(arguments: arguments)
    }
}
