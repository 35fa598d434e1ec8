import GRDB

extension StoreSchema {
    /// Alert rows without what every alert of a rule repeats (v17): the rule's id, name and
    /// severity are one `alert_rule` row the alert points to (`rule_key`), and the reason keeps
    /// only the event's part (`AlertReason`). A reason is shortened only when putting it back
    /// together gives the stored text byte for byte; any other stays whole. The risk score stays
    /// on the row: the connection groups' triggers read it. `alert_rule` has a row per rule
    /// version at most, so it has no index (in a small store, a page is 16 KiB).
    static func normalizeAlertRules(_ db: Database) throws {
        let opening = AlertReason.opening
        let ending = AlertReason.endingSQL(rule: "alert")
        let detail = "substr(reason, \(opening.count + 1), length(reason) - \(opening.count) - length(\(ending)))"
        try db.execute(sql: """
            CREATE TABLE alert_rule (
                id INTEGER PRIMARY KEY,
                rule_id TEXT NOT NULL,
                rule_name TEXT NOT NULL,
                severity TEXT NOT NULL
            );
            INSERT INTO alert_rule (rule_id, rule_name, severity)
                SELECT rule_id, rule_name, severity FROM alert GROUP BY rule_id, rule_name, severity ORDER BY min(id);
            ALTER TABLE alert ADD COLUMN rule_key INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE alert ADD COLUMN reason_is_detail INTEGER NOT NULL DEFAULT 0;
            UPDATE alert SET rule_key = (SELECT r.id FROM alert_rule r WHERE r.rule_id = alert.rule_id
                                         AND r.rule_name = alert.rule_name AND r.severity = alert.severity);
            UPDATE alert SET reason = \(detail), reason_is_detail = 1
                WHERE length(reason) >= \(opening.count) + length(\(ending))
                  AND '\(opening)' || \(detail) || \(ending) = reason;
            ALTER TABLE alert DROP COLUMN rule_id;
            ALTER TABLE alert DROP COLUMN rule_name;
            ALTER TABLE alert DROP COLUMN severity;
            """)
    }
}
