import GRDB

extension StoreSchema {
    /// A connection's alerts on one host are looked up by both (v13): `alert_connection` becomes
    /// (connection_key, host, status). Keeping a connection group (its triggers) and reading a host's
    /// page both ask for `connection_key = ? AND host IS ?`; with only (connection_key, status),
    /// SQLite took `alert_host_time` for the triggers' grouping statement and walked every alert of
    /// the host for each alert stored, so an execution slowed down as its busiest hosts grew. A
    /// page's rows now read their alerts from the index alone.
    static func addHostToConnectionIndex(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX alert_connection;
            CREATE INDEX alert_connection ON alert(connection_key, host, status);
            """)
    }
}
