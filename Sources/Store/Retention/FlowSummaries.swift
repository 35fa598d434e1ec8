import Foundation
import GRDB

/// Folds flows about to be pruned into `flow_summary` (one row per host, UTC day and
/// destination) and removes them, so a host's history keeps what happened after its flows go;
/// a record block goes with its last row (`RecordBlocks`).
enum FlowSummaries {
    /// Summarizes and removes the first `limit` flows `sql` selects (its first column the event
    /// id, its second, if any, the host address); returns how many went and the last host.
    static func removeBatch(_ db: Database, sql: String, arguments: StatementArguments,
                            limit: Int) throws -> (removed: Int, cursor: Data?) {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS prune_batch (id INTEGER PRIMARY KEY)")
        try db.execute(sql: "DELETE FROM temp.prune_batch")
        let ids = try Row.fetchAll(db, sql: "\(sql) LIMIT ?", arguments: arguments + [limit])
        guard !ids.isEmpty else { return (0, nil) }
        let insert = try db.cachedStatement(sql: "INSERT INTO temp.prune_batch (id) VALUES (?)")
        for row in ids { try insert.execute(arguments: [row[0] as Int64]) }
        let added = try summarize(db)
        try RecordBlocks.release(db, recordsOf: "FROM temp.prune_batch b CROSS JOIN event e ON e.id = b.id")
        try db.execute(sql: "DELETE FROM event WHERE id IN (SELECT id FROM temp.prune_batch)")
        try StoredCounts.add(db, flows: -db.changesCount, flowSummaries: added.rows, summarizedFlows: added.flows)
        let cursor = ids.last.flatMap { $0.count > 1 ? ($0[1] as Data?) : nil }
        return (ids.count, cursor)
    }

    /// The UTC day of `seen_at` (days since 2001-01-01), rounded down also before that date.
    static let day = TimelineSQL.utcDay("e.seen_at")

    /// One summary row's additions.
    private struct Summary {
        var ports: [Int] = []
        var flows: Int64 = 0
        var bytesSent: Int64 = 0
        var bytesReceived: Int64 = 0
        var firstSeen = Double.infinity
        var lastSeen = -Double.infinity
        var isExternal = false
    }

    /// The records of the flows in `temp.prune_batch`, connection by connection, a lone record's
    /// own figures after them (`ConnectionRow.recordSelection`). The batch is the outer loop
    /// (CROSS JOIN): left to choose, SQLite walked a whole `event` index and looked each entry up
    /// in the batch, a scan of every stored flow per batch.
    static let batchRecords = """
        SELECT coalesce(e.source_ip, x''), \(day), coalesce(e.destination_ip, x''), e.destination_port, e.seen_at,
               e.is_external, e.connection_id, e.id, \(ConnectionRow.recordSelection)
        FROM temp.prune_batch b CROSS JOIN event e ON e.id = b.id
        ORDER BY e.connection_id, e.id
        """

    /// Where a lone record's figures start in a row of `batchRecords`.
    private static let loneFiguresColumn = 8

    /// Adds the flows in `temp.prune_batch` to their summaries; returns the summary rows it
    /// created and the flows it added. A flow is a connection: it is summarized, with its largest
    /// byte counts, when the last of its records goes (at that record's host, day and
    /// destination); until then the records left behind carry it. A lone record (no `connection`
    /// row, schema v21) is a flow of its own, with its own bytes.
    private static func summarize(_ db: Database) throws -> (rows: Int, flows: Int) {
        let records = try Row.fetchAll(db, sql: batchRecords)
        var leaving: [Int64: Int64] = [:]
        for record in records { if let id = record[6] as Int64? { leaving[id, default: 0] += 1 } }
        let closed = try closeConnections(leaving, db)
        var summaries: [[DatabaseValue]: Summary] = [:]
        for (index, record) in records.enumerated() {
            let key: [DatabaseValue] = [record[0], record[1], record[2]]
            var summary = summaries[key] ?? Summary()
            if let port = record[3] as Int? { PortList.insert(port, into: &summary.ports) }
            summary.firstSeen = min(summary.firstSeen, record[4])
            summary.lastSeen = max(summary.lastSeen, record[4])
            summary.isExternal = summary.isExternal || record[5]
            if let bytes = closedFlowBytes(records, at: index, closed: closed) {
                summary.flows += 1
                summary.bytesSent = summary.bytesSent.saturatingAdding(bytes.sent)
                summary.bytesReceived = summary.bytesReceived.saturatingAdding(bytes.received)
            }
            summaries[key] = summary
        }
        return try store(summaries, db)
    }

    /// The bytes of the flow the record at `index` closes: its own when it is lone, its
    /// connection's when it is the batch's last record of a connection `closed` removed, else nil.
    private static func closedFlowBytes(_ records: [Row], at index: Int,
                                        closed: [Int64: (sent: Int64, received: Int64)]) -> (sent: Int64, received: Int64)? {
        guard let connectionID = records[index][6] as Int64? else {
            let lone = ConnectionRow(storedRecord: records[index], startingAt: loneFiguresColumn)
            return (lone.bytesSent, lone.bytesReceived)
        }
        let isLastOfConnection = index == records.count - 1 || records[index + 1][6] as Int64? != connectionID
        return isLastOfConnection ? closed[connectionID] : nil
    }

    /// Takes `leaving[id]` records from each connection; removes and returns (with their bytes)
    /// the connections left with none.
    private static func closeConnections(_ leaving: [Int64: Int64],
                                         _ db: Database) throws -> [Int64: (sent: Int64, received: Int64)] {
        let lookup = try db.cachedStatement(sql: "SELECT events, bytes_sent, bytes_received FROM connection WHERE id = ?")
        let shrink = try db.cachedStatement(sql: "UPDATE connection SET events = events - ? WHERE id = ?")
        let remove = try db.cachedStatement(sql: "DELETE FROM connection WHERE id = ?")
        var closed: [Int64: (sent: Int64, received: Int64)] = [:]
        for (id, count) in leaving {
            guard let row = try Row.fetchOne(lookup, arguments: [id]) else { continue }
            if (row[0] as Int64) <= count {
                closed[id] = (row[1], row[2])
                try remove.execute(arguments: [id])
            } else {
                try shrink.execute(arguments: [count, id])
            }
        }
        return closed
    }

    /// Writes `summaries`; returns the rows it created and the flows it added.
    private static func store(_ summaries: [[DatabaseValue]: Summary], _ db: Database) throws -> (rows: Int, flows: Int) {
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
        var added = (rows: 0, flows: 0)
        for (key, summary) in summaries {
            let arguments = StatementArguments(key)
            let stored = try String.fetchOne(existing, arguments: arguments)
            var ports = PortList.ports(stored ?? "")
            for port in summary.ports { PortList.insert(port, into: &ports) }
            try upsert.execute(arguments: arguments + [PortList.text(ports), summary.flows, summary.bytesSent,
                                                       summary.bytesReceived, summary.firstSeen, summary.lastSeen,
                                                       summary.isExternal])
            if stored == nil { added.rows += 1 }
            added.flows += Int(summary.flows)
        }
        return added
    }
}
