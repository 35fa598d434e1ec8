import Detection
import Foundation
import GRDB

/// Creates one execution's alerts inside a write transaction; `flushAggregates` adds them to the
/// host and (host, destination) counts, and to the hosts' cases, before the transaction commits.
struct AlertWriter {
    private let db: Database
    private let rule: DetectionRule
    private var newAlerts: [AddressPair: Int] = [:]
    private var insert: RawStatement
    /// The id the next alert gets. The writer chooses it, as SQLite would (one more than the
    /// largest), so that an alert whose record has no connection row is keyed by its own id,
    /// negated (`ConnectionGroupSQL.key`), in its INSERT: a lone record's alert (schema v21)
    /// costs no second write, and its group is counted with the others (`NewAlertGroups`).
    private var nextID: Int64
    private var groups = NewAlertGroups()
    private var uuids = RandomUUIDs()
    /// The `alert_rule` row of the rule's id, name and severity.
    private let ruleKey: Int64

    init(db: Database, rule: DetectionRule) throws {
        self.db = db
        self.rule = rule
        // The connection key comes with the row (its event's connection, or its own id negated),
        // and no trigger fires (v14): `groups` keeps `connection_alert_group`. Nor does the INSERT
        // return its row: RETURNING runs as a trigger, and a statement with a trigger keeps a
        // statement journal.
        insert = try RawStatement(db, sql: """
            INSERT INTO alert (id, uuid, event_id, execution_id, host, destination, seen_at, status, created_at,
                               updated_at, rule_key, risk_score, rule_version, reason, reason_is_detail,
                               connection_key)
            VALUES (?14, ?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7, ?8, ?9, ?10, ?11, ?12, 1, ?13)
            ON CONFLICT(event_id) DO NOTHING
            """)
        ruleKey = try Self.ruleKey(db, rule)
        nextID = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM alert") ?? 1
    }

    /// The `alert_rule` row of `rule`'s id, name and severity, added when missing (the table holds
    /// a row per rule version at most, so it has no index: a page of its own is all it takes).
    private static func ruleKey(_ db: Database, _ rule: DetectionRule) throws -> Int64 {
        let identity: StatementArguments = [rule.ruleID, rule.name, rule.severity]
        if let key = try Int64.fetchOne(db, sql: """
            SELECT id FROM alert_rule WHERE rule_id = ? AND rule_name = ? AND severity = ?
            """, arguments: identity) {
            return key
        }
        try db.execute(sql: "INSERT INTO alert_rule (rule_id, rule_name, severity) VALUES (?, ?, ?)", arguments: identity)
        return db.lastInsertedRowID
    }

    /// Stores the alert for stored event `eventID`, whose connection is `connectionID` (one per
    /// event: a second attempt changes nothing); true when it was created.
    mutating func alert(eventID: Int64, seenAt: Double, connectionID: Int64?, event: NetworkEvent,
                        executionID: Int64, at time: Date) throws -> Bool {
        let host = event.sourceIPs.first
        let destination = event.destinationIPs.first
        insert.bind(uuids.next())
        insert.bind(eventID)
        insert.bind(executionID)
        insert.bind(host)
        insert.bind(destination)
        insert.bind(seenAt)
        insert.bind(time)
        insert.bind(time)
        insert.bind(ruleKey)
        insert.bind(rule.riskScore)
        insert.bind(rule.version)
        insert.bind(AlertReason.detail(of: event))
        let alertID = nextID
        let connectionKey = connectionID ?? -alertID
        insert.bind(connectionKey)
        insert.bind(alertID)
        try insert.execute()
        guard insert.changesCount > 0 else { return false }
        nextID += 1
        groups.add(alertID: alertID, host: host, connectionKey: connectionKey, seenAt: seenAt, risk: rule.riskScore)
        if let host, let destination {
            newAlerts[AddressPair(host: host, destination: destination), default: 0] += 1
        }
        return true
    }

    /// Adds the alerts created so far to their connection groups and the aggregates, and reopens
    /// the resolved cases of their hosts (`CaseReopener`) as of `time`, the execution's.
    mutating func flushAggregates(at time: Date) throws {
        try groups.flush(db)
        var hostAlerts: [IPAddress: Int] = [:]
        var pairUpdate = try RawStatement(db, sql: """
            UPDATE host_destination SET open_alerts = open_alerts + ? WHERE host = ? AND destination = ?
            """)
        for (pair, count) in newAlerts {
            hostAlerts[pair.host, default: 0] += count
            pairUpdate.bind(count)
            pairUpdate.bind(pair.host)
            pairUpdate.bind(pair.destination)
            try pairUpdate.execute()
        }
        var hostUpdate = try RawStatement(db, sql: """
            UPDATE host SET open_alerts = open_alerts + ?1, highest_risk = max(coalesce(highest_risk, ?2), ?2),
                            \(HostRankingSQL.rankAssignments(["open_alerts": "open_alerts + ?1"]))
            WHERE address = ?3
            """)
        for (host, count) in hostAlerts {
            hostUpdate.bind(count)
            hostUpdate.bind(rule.riskScore)
            hostUpdate.bind(host)
            try hostUpdate.execute()
            try CaseReopener.record(db, newAlerts: count, on: host, at: time)
        }
        newAlerts.removeAll()
    }
}
