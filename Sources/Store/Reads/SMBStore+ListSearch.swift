import Detection
import GRDB
import TriageModel

/// `/` searches over a whole paged list: every matching row's position in the list's own order
/// (`ListSearchSQL`), so the console's `n`/`N` and `match k of m` cover rows it has not loaded.
extension SMBStore {
    public func historyPositions(of host: IPAddress, matching text: String, reversed: Bool) throws -> [Int] {
        guard !text.isEmpty else { return [] }
        return try read { db in
            try Int.fetchAll(db, sql: ListSearchSQL.positions("""
                SELECT row_number() OVER (ORDER BY \(Self.historyOrder(reversed: reversed))) - 1 AS position,
                       \(ListSearchSQL.flowText) AS searched
                FROM event e WHERE e.source_ip = ?
                """), arguments: [host.storeBlob, text])
        }
    }

    public func connectionPositions(_ query: AlertQuery, matching text: String, reversed: Bool) throws -> [Int] {
        guard !text.isEmpty else { return [] }
        guard let host = Self.groupedHost(query) else {
            // The queries `connectionAlerts` groups on each read: grouped the same way here.
            let (whereClause, arguments) = Self.filter(query)
            let sql = """
                WITH grouped AS (
                    SELECT min(a.id) AS first_id, max(a.seen_at) AS newest, max(a.id) AS newest_id, COUNT(*) AS size,
                           \(ListSearchSQL.groupedStatus) AS status
                    FROM alert a JOIN event e ON e.id = a.event_id \(whereClause)
                    GROUP BY coalesce(e.connection_id, -a.id))
                \(Self.numberedConnections(from: "grouped", status: "g.status", reversed: reversed))
                """
            return try read { db in try Int.fetchAll(db, sql: ListSearchSQL.positions(sql), arguments: arguments + [text]) }
        }
        let sql = Self.numberedConnections(from: "connection_alert_group", status: ListSearchSQL.walkedStatus,
                                           reversed: reversed, where: "WHERE g.host = ? AND g.status = ?")
        return try read { db in
            try Int.fetchAll(db, sql: ListSearchSQL.positions(sql),
                             arguments: [host.storeBlob, query.status?.rawValue ?? ConnectionGroupSQL.anyStatus, text])
        }
    }

    /// The connection rows of `table` (aliased `g`: first_id, size, newest, newest_id) that
    /// `condition` keeps, numbered in `connectionAlerts`' order (`reversed` or not), each with its searched text.
    private static func numberedConnections(from table: String, status: String, reversed: Bool,
                                            where condition: String = "") -> String {
        """
        SELECT row_number() OVER (ORDER BY \(connectionRowOrder(reversed: reversed))) - 1 AS position,
               \(ListSearchSQL.connectionText(status: status)) AS searched
        FROM \(table) g
        \(firstAlertJoins)
        \(condition)
        """
    }
}
