import Detection
import Foundation
import GRDB
import TriageModel

extension SMBStore {
    /// The rule version the store's executions run (`smbtriage rule use`): the catalog's default
    /// until the analyst picks another.
    public func activeRuleVersion() throws -> Int {
        try read { db in try Self.activeRuleVersion(db, in: rules) }
    }

    /// The active rule, from the catalog the store was opened with.
    public func activeRule() throws -> CompiledRule {
        try read { db in try Self.activeRule(db, in: rules) }
    }

    /// The rule version that made `alert` (its ATT&CK mapping and type); the catalog's default
    /// when the catalog lacks that version.
    public func rule(of alert: AlertRecord) -> DetectionRule {
        (rules.rule(version: alert.ruleVersion) ?? rules.defaultRule).rule
    }

    /// Makes `version` of the catalog the store's active rule, in the audit log as `rule.use`;
    /// returns false (and writes nothing) when it already is. Alerts stay as they are, each with
    /// the version that made it. Matches the previous version left pending go back to the
    /// detection queue at `time`, so the next execution decides them under the new version instead
    /// of alerting them with metadata they were not found by.
    @discardableResult
    public func setActiveRuleVersion(_ version: Int, actor: String, at time: Date = Date()) throws -> Bool {
        guard let rule = rules.rule(version: version)?.rule else { throw StoreError.notFound("rule version \(version)") }
        return try write("choosing the rule version") { db in
            let current = try Self.activeRuleVersion(db, in: rules)
            guard current != version else { return false }
            try db.execute(sql: "UPDATE active_rule SET version = ?", arguments: [version])
            try db.execute(sql: "INSERT OR IGNORE INTO detection_queue (ingested_at, event_id) SELECT ?, event_id FROM pending_match",
                           arguments: [time.storeSeconds])
            try db.execute(sql: "DELETE FROM pending_match; UPDATE detection_backlog SET pending = 0")
            try AuditLog.record(db, at: time, actor: actor, action: "rule.use", target: "rule \(rule.ruleID)",
                                detail: "version \(current) → \(version) (\(rule.type), risk \(rule.riskScore), \(rule.severity))")
            return true
        }
    }

    static func activeRuleVersion(_ db: Database, in rules: RuleCatalog) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT version FROM active_rule") ?? rules.defaultVersion
    }

    /// The catalog's rule of the stored active version; a version the catalog lacks (chosen by
    /// another build) is not found.
    static func activeRule(_ db: Database, in rules: RuleCatalog) throws -> CompiledRule {
        let version = try activeRuleVersion(db, in: rules)
        guard let rule = rules.rule(version: version) else { throw StoreError.notFound("rule version \(version)") }
        return rule
    }
}
