/// The SQL that forms and keeps `connection_alert_group` (schema v10): one row per (host,
/// connection key, status), a status of `anyStatus` standing for all of the group's alerts.
/// A row's figures are those `SMBStore.connectionAlerts` orders and shows: newest alert time,
/// highest alert id, lowest alert id (its first alert), alert count, highest risk, note count.
enum ConnectionGroupSQL {
    /// The status of the row that counts a group's alerts whatever their status.
    static let anyStatus = "*"

    /// The connection key of alert `alertID` whose record is event `eventID`.
    static func key(eventID: String, alertID: String) -> String {
        "coalesce((SELECT e.connection_id FROM event e WHERE e.id = \(eventID)), -\(alertID))"
    }

    /// Inserts the groups of the alerts `condition` selects, grouped by `groupBy`.
    static func insert(status: String, where condition: String, groupBy: String) -> String {
        """
        INSERT INTO connection_alert_group (host, connection_key, status, newest, newest_id, first_id, size, risk, notes)
        SELECT a.host, a.connection_key, \(status), max(a.seen_at), max(a.id), min(a.id), COUNT(*), max(a.risk_score),
               sum((SELECT COUNT(*) FROM alert_note n WHERE n.alert_id = a.id))
        FROM alert a WHERE \(condition) GROUP BY \(groupBy)
        """
    }

    /// Selects the alerts `alias` of the row (`host`, `key`, `status`): a walk of `alert_connection`
    /// (connection_key, host, status, v13), whatever the host's other alerts.
    static func alerts(_ alias: String, host: String, key: String, status: String) -> String {
        "\(alias).connection_key = \(key) AND \(alias).host IS \(host) AND (\(status) = '\(anyStatus)' OR \(alias).status = \(status))"
    }

    /// Recomputes the row of (`host`, `key`, `status`) from its alerts (none: no row).
    static func refresh(host: String, key: String, status: String) -> String {
        """
        DELETE FROM connection_alert_group WHERE connection_key = \(key) AND status = \(status) AND host IS \(host);
        \(insert(status: status, where: alerts("a", host: host, key: key, status: status), groupBy: "a.connection_key"));
        """
    }

    /// Recomputes the all-statuses row and the status row of the alert `row` (NEW or OLD).
    static func refreshAll(_ row: String) -> String {
        refresh(host: "\(row).host", key: "\(row).connection_key", status: "'\(anyStatus)'")
            + "\n" + refresh(host: "\(row).host", key: "\(row).connection_key", status: "\(row).status")
    }

    /// The v10 triggers that gave a new alert its key and its groups; v14 drops them
    /// (`AlertWriter` does both, so an alert's INSERT fires no trigger).
    static let alertInsertTriggers = """
        CREATE TRIGGER connection_key_on_alert_insert AFTER INSERT ON alert WHEN NEW.connection_key IS NULL BEGIN
            UPDATE alert SET connection_key = \(key(eventID: "NEW.event_id", alertID: "NEW.id")) WHERE id = NEW.id;
        END;
        CREATE TRIGGER connection_group_on_alert_insert AFTER INSERT ON alert WHEN NEW.connection_key IS NOT NULL BEGIN
            \(refreshAll("NEW"))
        END;
        """

    /// Keys an event's alert by the event's new connection when the event moves to another one
    /// (made by v10, again by v15 with the table it rebuilds).
    static let eventLinkTrigger = """
        CREATE TRIGGER connection_key_on_event_link AFTER UPDATE OF connection_id ON event
            WHEN OLD.connection_id IS NOT NEW.connection_id BEGIN
            UPDATE alert SET connection_key = coalesce(NEW.connection_id, -id) WHERE event_id = NEW.id;
        END;
        """

    /// Counts a new note of alert `alertID` in its rows.
    static func countNote(alertID: String) -> String {
        """
        UPDATE connection_alert_group SET notes = notes + 1 WHERE rowid IN (
            SELECT g.rowid FROM alert a JOIN connection_alert_group g
                ON g.connection_key = a.connection_key AND g.host IS a.host AND g.status IN ('\(anyStatus)', a.status)
            WHERE a.id = \(alertID));
        """
    }
}
