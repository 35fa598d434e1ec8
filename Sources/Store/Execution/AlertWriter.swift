import Detection
import Foundation
import GRDB

/// Creates one execution's alerts inside a write transaction; `flushAggregates` adds them to the
/// host and (host, destination) counts before the transaction commits.
struct AlertWriter {
    private let db: Database
    private let rule: DetectionRule
    private var newAlerts: [AddressPair: Int] = [:]

    init(db: Database, rule: DetectionRule) {
        self.db = db
        self.rule = rule
    }

    /// Stores the alert for stored event `eventID` (one per event: a second attempt changes
    /// nothing); true when it was created.
    mutating func alert(eventID: Int64, seenAt: Double, event: NetworkEvent, executionID: Int64,
                        at time: Date) throws -> Bool {
        let host = event.sourceIPs.first
        let destination = event.destinationIPs.first
        let insert = try db.cachedStatement(sql: """
            INSERT INTO alert (uuid, event_id, execution_id, host, destination, seen_at, status, created_at,
                               updated_at, rule_id, rule_name, severity, risk_score, reason)
            VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(event_id) DO NOTHING
            """)
        try insert.execute(arguments: [
            UUID().uuidString.lowercased(), eventID, executionID, host?.storeBlob, destination?.storeBlob,
            seenAt, time.storeSeconds, time.storeSeconds, rule.ruleID, rule.name,
            rule.severity, rule.riskScore, AlertReason.text(for: event, rule: rule),
        ])
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
