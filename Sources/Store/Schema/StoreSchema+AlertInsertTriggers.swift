import GRDB

extension StoreSchema {
    /// New alerts' connection groups kept by their execution (v14): `AlertWriter` gives each new
    /// alert its connection key and adds it to its `connection_alert_group` rows once per group,
    /// so the alert INSERT fires no trigger. With them, every INSERT refreshed two group rows from
    /// their alerts, and SQLite kept a statement journal for it (a statement with a trigger may
    /// have to undo itself alone), spilled to a temporary file once past 64 KiB, four 16 KiB pages:
    /// on the pipeline benchmark three quarters of the run's writes. The triggers for status
    /// changes, deletes, notes and re-linked events stay.
    static func dropAlertInsertTriggers(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER connection_key_on_alert_insert;
            DROP TRIGGER connection_group_on_alert_insert;
            """)
    }
}
