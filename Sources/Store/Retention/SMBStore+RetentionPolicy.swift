import Foundation
import GRDB

extension SMBStore {
    /// The store's retention policy.
    public func retentionPolicy() throws -> RetentionPolicy {
        try read(Self.retentionPolicy)
    }

    /// Replaces the retention policy, recording the change in the audit log as `actor`.
    public func setRetentionPolicy(_ policy: RetentionPolicy, actor: String) throws {
        try write("setting the retention policy") { db in
            let previous = try Self.retentionPolicy(db)
            guard previous != policy else { return }
            try db.execute(sql: "UPDATE retention_policy SET flow_days = ?, closed_alert_days = ?, audit_days = ?",
                           arguments: [policy.flowDays, policy.closedAlertDays, policy.auditDays])
            try AuditLog.record(db, at: Date(), actor: actor, action: "retention.set", target: "store",
                                detail: "\(previous.description) → \(policy.description)")
        }
    }

    static func retentionPolicy(_ db: Database) throws -> RetentionPolicy {
        guard let row = try Row.fetchOne(db, sql: "SELECT flow_days, closed_alert_days, audit_days FROM retention_policy")
        else { return .defaults }
        return RetentionPolicy(flowDays: row[0], closedAlertDays: row[1], auditDays: row[2])
    }
}
