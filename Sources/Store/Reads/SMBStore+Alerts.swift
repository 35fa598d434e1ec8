import Detection
import Foundation
import GRDB
import TriageModel

extension SMBStore {
    public func alerts(_ query: AlertQuery, offset: Int, limit: Int) throws -> Page<AlertRecord> {
        let (whereClause, arguments) = Self.filter(query)
        return try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert a \(whereClause)", arguments: arguments) ?? 0
            let records = StoredRecordReader(db)
            let rows = try Array(Row.fetchCursor(db, sql: """
                \(Self.alertSelection) \(whereClause)
                ORDER BY a.seen_at DESC, a.id DESC
                LIMIT ? OFFSET ?
                """, arguments: arguments + [max(limit, 0), max(offset, 0)]).map { try Self.alertRecord($0, records: records) })
            return Page(rows: rows, total: total)
        }
    }

    /// Hands `body` the alerts `query` selects, newest first, at most `limit` (nil: all), one at
    /// a time from a single snapshot: a listing of a million alerts neither pages through them
    /// (each page would skip all before it again) nor holds them all. Returns how many it handed.
    @discardableResult
    public func forEachAlert(_ query: AlertQuery, limit: Int?, _ body: (AlertRecord) throws -> Void) throws -> Int {
        let (whereClause, arguments) = Self.filter(query)
        return try read { db in
            let alerts = try Row.fetchCursor(db, sql: """
                \(Self.alertSelection) \(whereClause)
                ORDER BY a.seen_at DESC, a.id DESC
                LIMIT ?
                """, arguments: arguments + [limit.map { max($0, 0) } ?? -1])
            let records = StoredRecordReader(db)
            var count = 0
            while let row = try alerts.next() {
                try body(Self.alertRecord(row, records: records))
                count += 1
            }
            return count
        }
    }

    /// The WHERE clause (empty for all alerts) and its arguments for `query`.
    static func filter(_ query: AlertQuery) -> (clause: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let status = query.status {
            conditions.append("a.status = ?")
            arguments += [status.rawValue]
        }
        if let host = query.host {
            conditions.append("a.host = ?")
            arguments += [host.storeBlob]
        }
        if let destination = query.destination {
            conditions.append("a.destination = ?")
            arguments += [destination.storeBlob]
        }
        if let since = query.since {
            conditions.append("a.seen_at >= ?")
            arguments += [since.storeSeconds]
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    public func alert(id: Int64) throws -> AlertRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "\(Self.alertSelection) WHERE a.id = ?", arguments: [id]).map {
                try Self.alertRecord($0, records: StoredRecordReader(db))
            }
        }
    }

    public func notes(alertID: Int64) throws -> [AlertNote] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, alert_id, author, created_at, text FROM alert_note WHERE alert_id = ? ORDER BY id
                """, arguments: [alertID]).map(Self.note)
        }
    }

    /// The notes on every alert of `host`, oldest first.
    public func notes(of host: IPAddress) throws -> [AlertNote] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT n.id, n.alert_id, n.author, n.created_at, n.text
                FROM alert a JOIN alert_note n ON n.alert_id = a.id
                WHERE a.host = ? ORDER BY n.id
                """, arguments: [host.storeBlob]).map(Self.note)
        }
    }

    public func history(of host: IPAddress, reversed: Bool, offset: Int, limit: Int) throws -> Page<StoredFlow> {
        try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE source_ip = ?",
                                         arguments: [host.storeBlob]) ?? 0
            let records = StoredRecordReader(db)
            let flows = try Array(Row.fetchCursor(db, sql: """
                SELECT coalesce(d.first_event_id = e.id, 0), \(EventColumns.selection)
                FROM event e
                LEFT JOIN host_destination d ON d.host = e.source_ip AND d.destination = e.destination_ip
                WHERE e.source_ip = ?
                ORDER BY \(Self.historyOrder(reversed: reversed))
                LIMIT ? OFFSET ?
                """, arguments: [host.storeBlob, max(limit, 0), max(offset, 0)]).map { row in
                try EventColumns.flow(from: row, startingAt: 1, records: records, isFirstSeenDestination: row[0])
            })
            return Page(rows: flows, total: total)
        }
    }

    /// The order of a host's history of events `e`: newest first, or oldest first when `reversed`.
    static func historyOrder(reversed: Bool) -> String {
        let direction = reversed ? "ASC" : "DESC"
        return "e.seen_at \(direction), e.id \(direction)"
    }

    // MARK: Rows

    /// An alert with its rule, its event, its host's case's guide ticks and its note count; `alertRecord` reads it.
    /// The rule is a LEFT JOIN so that the planner never takes the few `alert_rule` rows as its outer loop;
    /// an alert whose rule row is gone (a damaged store: nothing deletes them) reads as `AlertReason.missingRule`.
    static let alertSelection = """
        SELECT a.id, a.uuid, a.status, a.close_reason, a.created_at, a.updated_at, coalesce(r.rule_id, ''),
               coalesce(r.rule_name, '\(AlertReason.missingRule)'), coalesce(r.severity, ''), a.risk_score,
               \(AlertReason.sql(alert: "a")), a.execution_id,
               (SELECT group_concat(step) FROM case_guide_step WHERE host = a.host),
               (SELECT COUNT(*) FROM alert_note WHERE alert_id = a.id),
               coalesce(d.first_event_id = e.id, 0), a.rule_version,
               \(EventColumns.selection), e.connection_id, c.sensors
        FROM alert a
        LEFT JOIN alert_rule r ON r.id = a.rule_key
        JOIN event e ON e.id = a.event_id
        LEFT JOIN host_destination d ON d.host = a.host AND d.destination = a.destination
        LEFT JOIN connection c ON c.id = e.connection_id
        """

    /// An alert of `alertSelection`, its record read through `records`; one whose record is lone
    /// (no `connection` row, schema v21) has its record's sensor.
    static func alertRecord(_ row: Row, records: StoredRecordReader) throws -> AlertRecord {
        let steps: String? = row[12]
        let flow = try EventColumns.flow(from: row, startingAt: 16, records: records, isFirstSeenDestination: row[14])
        let connectionKey: Int64? = row[16 + EventColumns.selectionCount]
        return AlertRecord(
            id: row[0], uuid: row[1], status: AlertStatus(rawValue: row[2]) ?? .open, closeReason: row[3],
            createdAt: Date(storeSeconds: row[4]), updatedAt: Date(storeSeconds: row[5]), ruleID: row[6],
            ruleName: row[7], severity: row[8], riskScore: row[9], ruleVersion: row[15], reason: row[10],
            executionID: row[11], flow: flow,
            checkedGuideSteps: Set((steps ?? "").split(separator: ",").compactMap { Int($0) }),
            noteCount: row[13],
            connection: AlertConnection(key: connectionKey, sensors: connectionKey == nil
                                            ? [flow.event.sensorName]
                                            : StringList.strings(row[17 + EventColumns.selectionCount])))
    }

    /// `ids` and every other alert on the same connection, each with its status (an action on one
    /// connection's row applies to its alerts as `AlertStatusChange` decides). Unknown ids, and
    /// statuses this build does not know, are left out.
    public func alertStatuses(sharingConnectionWith ids: [Int64]) throws -> [Int64: AlertStatus] {
        guard !ids.isEmpty else { return [:] }
        let chosen = databaseQuestionMarks(count: ids.count)
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, status FROM alert WHERE id IN (\(chosen))
                UNION
                SELECT sibling.id, sibling.status
                FROM alert a
                JOIN event e ON e.id = a.event_id
                JOIN alert sibling ON sibling.host IS a.host
                JOIN event se ON se.id = sibling.event_id AND se.connection_id = e.connection_id
                WHERE a.id IN (\(chosen))
                """, arguments: StatementArguments(ids + ids))
            // A status this build does not know (a newer build's) is left out: it never comes along.
            let known = rows.compactMap { row in AlertStatus(rawValue: row[1] as String).map { (row[0] as Int64, $0) } }
            return Dictionary(known, uniquingKeysWith: { first, _ in first })
        }
    }

    static func note(_ row: Row) -> AlertNote {
        AlertNote(id: row[0], alertID: row[1], author: row[2], createdAt: Date(storeSeconds: row[3]), text: row[4])
    }
}
