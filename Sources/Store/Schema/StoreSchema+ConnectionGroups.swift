import GRDB

extension StoreSchema {
    /// A host's alert list, one row per connection, as an index walk (v10): `alert.connection_key`
    /// (`coalesce(event.connection_id, -alert.id)`, the grouping of `AlertRecord.connectionRowKey`)
    /// and `connection_alert_group`, one row per (host, connection key) for all of its alerts
    /// (status `ConnectionGroupSQL.anyStatus`) and one per status it has. Triggers keep both on
    /// every write that could change a row: an alert stored (until v14, when `AlertWriter` took that
    /// over), deleted, or changing status; a note added (notes are never removed); an event moved
    /// to another connection.
    static func addConnectionGroups(_ db: Database) throws {
        let group = ConnectionGroupSQL.self
        try db.execute(sql: """
            ALTER TABLE alert ADD COLUMN connection_key INTEGER;
            UPDATE alert SET connection_key = \(group.key(eventID: "alert.event_id", alertID: "alert.id"));
            CREATE INDEX alert_connection ON alert(connection_key, status);
            CREATE TABLE connection_alert_group (
                host BLOB,
                connection_key INTEGER NOT NULL,
                status TEXT NOT NULL,
                newest REAL NOT NULL,
                newest_id INTEGER NOT NULL,
                first_id INTEGER NOT NULL,
                size INTEGER NOT NULL,
                risk INTEGER NOT NULL,
                notes INTEGER NOT NULL
            );
            CREATE INDEX connection_alert_group_key ON connection_alert_group(connection_key, status);
            CREATE INDEX connection_alert_group_page
                ON connection_alert_group(host, status, newest DESC, newest_id DESC, size);
            \(group.insert(status: "'\(group.anyStatus)'", where: "a.connection_key IS NOT NULL", groupBy: "a.host, a.connection_key"));
            \(group.insert(status: "a.status", where: "a.connection_key IS NOT NULL", groupBy: "a.host, a.connection_key, a.status"));
            \(group.alertInsertTriggers)
            CREATE TRIGGER connection_group_on_alert_row AFTER UPDATE OF connection_key, host, seen_at, risk_score ON alert BEGIN
                \(group.refreshAll("OLD"))
                \(group.refreshAll("NEW"))
            END;
            CREATE TRIGGER connection_group_on_alert_status AFTER UPDATE OF status ON alert BEGIN
                \(group.refresh(host: "NEW.host", key: "NEW.connection_key", status: "OLD.status"))
                \(group.refresh(host: "NEW.host", key: "NEW.connection_key", status: "NEW.status"))
            END;
            CREATE TRIGGER connection_group_on_alert_delete AFTER DELETE ON alert BEGIN
                \(group.refreshAll("OLD"))
            END;
            CREATE TRIGGER connection_group_on_note_insert AFTER INSERT ON alert_note BEGIN
                \(group.countNote(alertID: "NEW.alert_id"))
            END;
            \(group.eventLinkTrigger)
            """)
    }
}
