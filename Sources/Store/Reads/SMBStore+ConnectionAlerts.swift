import Detection
import Foundation
import GRDB
import TriageModel

extension SMBStore {
    /// The host whose `connection_alert_group` rows answer `query` as they are: a host's alerts,
    /// with a status filter or none, and no other filter. Nil for a query grouped on each read.
    static func groupedHost(_ query: AlertQuery) -> IPAddress? {
        query.destination == nil && query.since == nil ? query.host : nil
    }

    /// A page of the alerts `query` selects, one row per connection: the alerts are grouped by
    /// `alert.connection_key` (`coalesce(e.connection_id, -a.id)`, `AlertRecord.connectionRowKey`),
    /// the row whose newest alert is newest comes first (last when `reversed`: the exact reverse,
    /// paged by the store). A row's figures are its connection's
    /// (bytes: the largest any sensor reported); its addresses and ports are its first alert's
    /// record's. A host's page, whatever the status asked for, walks `connection_alert_group`
    /// (schema v10); any other query groups the alerts it selects (`scannedConnectionAlerts`).
    public func connectionAlerts(_ query: AlertQuery, reversed: Bool, offset: Int, limit: Int) throws -> ConnectionPage {
        guard let host = Self.groupedHost(query) else {
            return try scannedConnectionAlerts(query, reversed: reversed, offset: offset, limit: limit)
        }
        let order = Self.connectionRowOrder(reversed: reversed)
        let status = query.status?.rawValue ?? ConnectionGroupSQL.anyStatus
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                WITH page AS (
                    SELECT \(Self.firstAlert) AS first_id, g.newest, g.newest_id,
                           \(Self.unlessSingle("g.risk")) AS risk, \(Self.unlessSingle("g.notes")) AS notes,
                           \(Self.unlessSingle("""
                               (SELECT group_concat(x.id || ':' || x.status) FROM alert x
                                WHERE \(ConnectionGroupSQL.alerts("x", host: "g.host", key: "g.connection_key", status: "g.status")))
                               """)) AS alerts
                    FROM connection_alert_group g
                    WHERE g.host = ? AND g.status = ?
                    ORDER BY \(order)
                    LIMIT ? OFFSET ?
                )
                \(Self.connectionRows(extraColumns: "", order: order))
                """, arguments: [host.storeBlob, status, max(limit, 0), max(offset, 0)])
            let counts = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), coalesce(SUM(size), 0) FROM connection_alert_group WHERE host = ? AND status = ?
                """, arguments: [host.storeBlob, status])
            return ConnectionPage(rows: try Self.connectionAlerts(rows, db), connections: counts?[0] ?? 0,
                                  alerts: counts?[1] ?? 0)
        }
    }

    /// The first alert of the group `g`. A group of one alert is that alert, whose id is also
    /// `newest_id`: with the group's size, both are in the page's index, so a page reads no
    /// `connection_alert_group` row for such a group (a page from the disk less per row).
    private static let firstAlert = "CASE WHEN g.size = 1 THEN g.newest_id ELSE g.first_id END"

    /// `expression` of the group `g`, or NULL for a group of one alert, whose figures
    /// `connectionRows` takes from the alert itself (the group's row and its `alert_connection`
    /// entries stay unread).
    private static func unlessSingle(_ expression: String) -> String {
        "CASE WHEN g.size = 1 THEN NULL ELSE \(expression) END"
    }

    /// `connectionAlerts` by grouping every alert `query` selects on each page (window counts):
    /// the way for queries `connection_alert_group` has no rows for, and the reference the
    /// grouped walk is tested against. A host with 10 k alerts costs about 170 ms a page on the
    /// 1 M-alert benchmark store.
    func scannedConnectionAlerts(_ query: AlertQuery, reversed: Bool = false, offset: Int, limit: Int) throws -> ConnectionPage {
        let (whereClause, arguments) = Self.filter(query)
        let alerts = "FROM alert a JOIN event e ON e.id = a.event_id \(whereClause)"
        let countsColumn = 12 + EventColumns.selectionCount
        let order = Self.connectionRowOrder(reversed: reversed)
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                WITH grouped AS (
                    SELECT min(a.id) AS first_id, max(a.seen_at) AS newest, max(a.id) AS newest_id,
                           group_concat(a.id || ':' || a.status) AS alerts, max(a.risk_score) AS risk,
                           sum((SELECT COUNT(*) FROM alert_note n WHERE n.alert_id = a.id)) AS notes, COUNT(*) AS size
                    \(alerts)
                    GROUP BY coalesce(e.connection_id, -a.id)
                ), page AS (
                    SELECT *, COUNT(*) OVER () AS connections, SUM(size) OVER () AS alert_count FROM grouped g
                    ORDER BY \(order)
                    LIMIT ? OFFSET ?
                )
                \(Self.connectionRows(extraColumns: ", g.connections, g.alert_count", order: order))
                """, arguments: arguments + [max(limit, 0), max(offset, 0)])
            guard let first = rows.first else {
                // A page past the end has no row to carry the counts.
                let counts = try Row.fetchOne(db, sql: "SELECT COUNT(DISTINCT coalesce(e.connection_id, -a.id)), COUNT(*) \(alerts)",
                                              arguments: arguments)
                return ConnectionPage(rows: [], connections: counts?[0] ?? 0, alerts: counts?[1] ?? 0)
            }
            return ConnectionPage(rows: try Self.connectionAlerts(rows, db), connections: first[countsColumn],
                                  alerts: first[countsColumn + 1])
        }
    }

    /// The order of a host's connection rows `g` (newest, newest_id): the newest alert's first,
    /// or last when `reversed`.
    static func connectionRowOrder(reversed: Bool) -> String {
        let direction = reversed ? "ASC" : "DESC"
        return "g.newest \(direction), g.newest_id \(direction)"
    }

    /// A connection row's first alert `f`, its event `e` and connection `c`, for the row `g` (first_id).
    static let firstAlertJoins = """
        JOIN alert f ON f.id = g.first_id
        JOIN event e ON e.id = f.event_id
        LEFT JOIN connection c ON c.id = e.connection_id
        """

    /// The rows of the CTE `page` (first_id, newest, newest_id, alerts, risk, notes) with their
    /// first alert's record and connection, in the page's `order`; `extraColumns` follow the record's.
    /// A row whose alerts, risk and notes are NULL stands for its first alert alone: they are that alert's.
    private static func connectionRows(extraColumns: String, order: String) -> String {
        """
        SELECT coalesce(g.alerts, f.id || ':' || f.status), coalesce(g.risk, f.risk_score),
               coalesce(g.notes, (SELECT COUNT(*) FROM alert_note n WHERE n.alert_id = f.id)),
               \(AlertReason.sql(alert: "f")), f.close_reason, c.first_seen, c.last_seen,
               c.bytes_sent, c.bytes_received, c.sensors, e.connection_id,
               coalesce(d.first_event_id = e.id, 0), \(EventColumns.selection)\(extraColumns)
        FROM page g
        \(firstAlertJoins)
        LEFT JOIN host_destination d ON d.host = f.host AND d.destination = f.destination
        ORDER BY \(order)
        """
    }

    /// The rows of one page of `connectionAlerts`, their records read once per block.
    private static func connectionAlerts(_ rows: [Row], _ db: Database) throws -> [ConnectionAlerts] {
        let records = StoredRecordReader(db)
        return try rows.map { try connectionAlerts($0, records: records) }
    }

    /// A row of `connectionAlerts`, its record read through `records`; an alert without a
    /// connection row takes its own record's figures.
    private static func connectionAlerts(_ row: Row, records: StoredRecordReader) throws -> ConnectionAlerts {
        let flow = try EventColumns.flow(from: row, startingAt: 12, records: records, isFirstSeenDestination: row[11])
        let event = flow.event
        var statuses: [Int64: AlertStatus] = [:]
        for pair in (row[0] as String).split(separator: ",") {
            let parts = pair.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let id = Int64(parts[0]) else { continue }
            statuses[id] = AlertStatus(rawValue: String(parts[1])) ?? .open
        }
        let connectionID: Int64? = row[10]
        // A lone record (no `connection` row, schema v21) is a connection of its own: the record's
        // span, bytes and sensor, as its row would hold them.
        let own = ConnectionRow(event, span: ConnectionSpan(of: event, seenAt: Date(storeSeconds: row[12 + EventColumns.selectionSeenAtOffset])))
        return ConnectionAlerts(
            key: connectionID, alertStatuses: statuses, riskScore: row[1], noteCount: row[2],
            flow: flow, reason: row[3], closeReason: row[4],
            firstSeen: (row[5] as Double?).map(Date.init(storeSeconds:)) ?? own.span.start,
            lastSeen: (row[6] as Double?).map(Date.init(storeSeconds:)) ?? own.span.end,
            bytesSent: row[7] ?? own.bytesSent, bytesReceived: row[8] ?? own.bytesReceived,
            sensors: connectionID == nil ? own.sensors : StringList.strings(row[9]))
    }
}
