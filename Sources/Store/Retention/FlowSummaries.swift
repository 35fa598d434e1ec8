import Foundation
import GRDB

/// Folds flows about to be pruned into `flow_summary` (one row per host, UTC day and
/// destination) and removes them, so a host's history keeps what happened after its flows go.
enum FlowSummaries {
    /// Summarizes and removes the first `limit` flows `sql` selects (its first column the event
    /// id, its second, if any, the host address); returns how many went and the last host.
    static func removeBatch(_ db: Database, sql: String, arguments: StatementArguments,
                            limit: Int) throws -> (removed: Int, cursor: Data?) {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS prune_batch (id INTEGER PRIMARY KEY)")
        try db.execute(sql: "DELETE FROM temp.prune_batch")
        let ids = try Row.fetchAll(db, sql: "\(sql) LIMIT ?", arguments: arguments + [limit])
        let insert = try db.cachedStatement(sql: "INSERT INTO temp.prune_batch (id) VALUES (?)")
        for row in ids { try insert.execute(arguments: [row[0] as Int64]) }
        try summarize(db)
        try db.execute(sql: "DELETE FROM event WHERE id IN (SELECT id FROM temp.prune_batch)")
        let cursor = ids.last.flatMap { $0.count > 1 ? ($0[1] as Data?) : nil }
        return (ids.count, cursor)
    }

    /// The UTC day of `seen_at` (days since 2001-01-01), rounded down also before that date.
    static let day = "(CAST(e.seen_at / 86400 AS INTEGER) - (e.seen_at / 86400 < CAST(e.seen_at / 86400 AS INTEGER)))"

    /// Adds the flows in `temp.prune_batch` to their summaries.
    private static func summarize(_ db: Database) throws {
        let groups = try Row.fetchAll(db, sql: """
            SELECT coalesce(e.source_ip, x''), \(day), coalesce(e.destination_ip, x''),
                   group_concat(DISTINCT e.destination_port), COUNT(*), \(SaturatingSQL.total("e.source_bytes")),
                   \(SaturatingSQL.total("e.destination_bytes")), min(e.seen_at), max(e.seen_at), max(e.is_external)
            FROM temp.prune_batch b JOIN event e ON e.id = b.id
            GROUP BY 1, 2, 3
            """)
        let existing = try db.cachedStatement(sql: """
            SELECT ports FROM flow_summary WHERE host = ? AND day = ? AND destination = ?
            """)
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO flow_summary (host, day, destination, ports, flows, bytes_sent, bytes_received, first_seen,
                                      last_seen, is_external)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (host, day, destination) DO UPDATE SET
                ports = excluded.ports, flows = flows + excluded.flows,
                bytes_sent = \(SaturatingSQL.sum("bytes_sent", "excluded.bytes_sent")),
                bytes_received = \(SaturatingSQL.sum("bytes_received", "excluded.bytes_received")),
                first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen),
                is_external = max(is_external, excluded.is_external)
            """)
        for group in groups {
            let key: StatementArguments = [group[0] as Data, group[1] as Int64, group[2] as Data]
            let stored = try String.fetchOne(existing, arguments: key) ?? ""
            let ports = PortList.text(PortList.ports(stored + "," + ((group[3] as String?) ?? "")))
            try upsert.execute(arguments: key + [ports, group[4] as Int64, group[5] as Int64, group[6] as Int64,
                                                 group[7] as Double, group[8] as Double, group[9] as Int64])
        }
    }
}
