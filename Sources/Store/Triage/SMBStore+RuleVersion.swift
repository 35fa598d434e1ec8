import Detection
import Foundation
import GRDB

extension SMBStore {
    /// The bundled rule version the store's executions run (`smbtriage rule use`): 103 until the
    /// analyst picks another.
    public func activeRuleVersion() throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT version FROM active_rule") ?? DetectionRule.defaultBundledVersion
        }
    }

    /// The active bundled rule, loaded from this build's resources.
    public func activeRule() throws -> DetectionRule {
        try DetectionRule.bundled(version: activeRuleVersion())
    }

    /// Makes bundled `version` the store's active rule, in the audit log as `rule.use`; returns
    /// false (and writes nothing) when it already is. Alerts stay as they are, each with the
    /// version that made it. Matches the previous version left pending go back to the detection
    /// queue at `time`, so the next execution decides them under the new version instead of
    /// alerting them with metadata they were not found by.
    @discardableResult
    public func setActiveRuleVersion(_ version: Int, actor: String, at time: Date = Date()) throws -> Bool {
        guard DetectionRule.bundledVersions.contains(version) else { throw StoreError.notFound("rule version \(version)") }
        return try write("choosing the rule version") { db in
            let current = try Int.fetchOne(db, sql: "SELECT version FROM active_rule") ?? DetectionRule.defaultBundledVersion
            guard current != version else { return false }
            try db.execute(sql: "UPDATE active_rule SET version = ?", arguments: [version])
            try db.execute(sql: "INSERT OR IGNORE INTO detection_queue (ingested_at, event_id) SELECT ?, event_id FROM pending_match",
                           arguments: [time.storeSeconds])
            try db.execute(sql: "DELETE FROM pending_match; UPDATE detection_backlog SET pending = 0")
            let rule = try DetectionRule.bundled(version: version)
            try AuditLog.record(db, at: time, actor: actor, action: "rule.use", target: "rule \(rule.ruleID)",
                                detail: "version \(current) → \(version) (\(rule.type), risk \(rule.riskScore), \(rule.severity))")
            return true
        }
    }
}
