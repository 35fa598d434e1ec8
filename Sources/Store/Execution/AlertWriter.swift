import Detection
import Foundation
import GRDB

/// Creates one execution's alerts inside a write transaction; `flushAggregates` adds them to the
/// host and (host, destination) counts before the transaction commits.
struct AlertWriter {
    private let db: Database
    private let rule: DetectionRule
    private var newAlerts: [AddressPair: Int] = [:]
    private var insert: RawStatement

    init(db: Database, rule: DetectionRule) throws {
        self.db = db
        self.rule = rule
        insert = try RawStatement(db, sql: """
            INSERT INTO alert (uuid, event_id, execution_id, host, destination, seen_at, status, created_at,
                               updated_at, rule_id, rule_name, severity, risk_score, reason)
            VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(event_id) DO NOTHING
            """)
    }

    /// Stores the alert for stored event `eventID` (one per event: a second attempt changes
    /// nothing); true when it was created.
    mutating func alert(eventID: Int64, seenAt: Double, event: NetworkEvent, executionID: Int64,
                        at time: Date) throws -> Bool {
        let host = event.sourceIPs.first
        let destination = event.destinationIPs.first
        insert.bind(UUID().uuidString.lowercased())
        insert.bind(eventID)
        insert.bind(executionID)
        insert.bind(host)
        insert.bind(destination)
        insert.bind(seenAt)
        insert.bind(time)
        insert.bind(time)
        insert.bind(rule.ruleID)
        insert.bind(rule.name)
        insert.bind(rule.severity)
        insert.bind(rule.riskScore)
        insert.bind(AlertReason.text(for: event, rule: rule))
        try insert.execute()
        guard db.changesCount > 0 else { return false }
        if let host, let destination {
            newAlerts[AddressPair(host: host, destination: destination), default: 0] += 1
        }
        return true
    }

    /// Adds the alerts created so far to the aggregates.
    mutating func flushAggregates() throws {
        for (pair, count) in newAlerts {
            try AlertCounts.addOpen(db, host: pair.host.storeBlob, destination: pair.destination.storeBlob,
                                    count: count, risk: rule.riskScore)
        }
        newAlerts.removeAll()
    }
}
