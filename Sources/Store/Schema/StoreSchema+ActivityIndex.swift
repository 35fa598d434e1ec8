import GRDB

extension StoreSchema {
    /// A host's events in time order carry their connection (v11): `event_source_time` becomes
    /// (source_ip, seen_at, connection_id), so a host's activity per day (the hosts list's
    /// sparkline: distinct connections per bucket) is read from the index alone instead of one
    /// event row per record. Every query the two-column index served, it still serves.
    static func addConnectionToSourceTimeIndex(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX event_source_time;
            CREATE INDEX event_source_time ON event(source_ip, seen_at, connection_id);
            """)
    }
}
