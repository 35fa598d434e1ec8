import GRDB

extension StoreSchema {
    /// Event ids the upgrade to lone records goes through per step, and between two reports to
    /// its `MigrationProgress`.
    static let loneConnectionBatch: Int64 = 100_000

    /// A record no other sensor reported is a connection of its own, without a `connection` row
    /// (v21): its row carries its Community ID's key and, when it is not its time, its start
    /// (`LoneRecord`), and `event_lone_community` (key, start) finds it when a second record of the
    /// connection comes (`ConnectionLinker`), which makes the row of the two. A `connection` row
    /// cost about 65 bytes per stored flow, and its key index 28 more, for what the record's own
    /// row already says.
    ///
    /// An earlier schema's rows of one record and one sensor (its `StringList` a single item,
    /// whose length prefix counts the name's UTF-8 bytes) become lone records the same way, set by
    /// set: the record takes the row's key and start (in id ranges, `progress` hearing how many
    /// records were done), its alert the key of an alert without a connection (its own id,
    /// negated: `ConnectionGroupSQL.key`), and so does the alert's group (a record has one alert,
    /// so the group's first alert is that one). The two triggers that would redo this alert by
    /// alert are set aside meanwhile and put back as they were. A row a prune left one record of
    /// several sensors keeps their largest figures and sensors, so it stays; one of two records of
    /// one sensor (a port reused within a minute) gives its record back its own figures. The freed
    /// pages go back to the file system at the next prune that removes something.
    static func addLoneConnections(_ db: Database, progress: MigrationProgress?) throws {
        let triggers = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master
            WHERE type = 'trigger' AND name IN ('connection_key_on_event_link', 'connection_group_on_alert_row')
            """)
        try db.execute(sql: """
            ALTER TABLE event ADD COLUMN community_key INTEGER;
            ALTER TABLE event ADD COLUMN lone_start REAL;
            DROP TRIGGER IF EXISTS connection_key_on_event_link;
            DROP TRIGGER IF EXISTS connection_group_on_alert_row;
            CREATE TEMP TABLE lone_connection (id INTEGER PRIMARY KEY, community_key INTEGER, first_seen REAL);
            INSERT INTO temp.lone_connection SELECT id, community_key, first_seen FROM connection
            WHERE events = 1 AND length(CAST(sensors AS BLOB)) = instr(sensors, ':') + CAST(sensors AS INTEGER);
            """)
        try unlinkLoneRecords(db, progress: progress)
        try db.execute(sql: """
            UPDATE alert SET connection_key = -id WHERE connection_key IN (SELECT id FROM temp.lone_connection);
            UPDATE connection_alert_group SET connection_key = -first_id
            WHERE connection_key IN (SELECT id FROM temp.lone_connection);
            DELETE FROM connection WHERE id IN (SELECT id FROM temp.lone_connection);
            DROP TABLE temp.lone_connection;
            CREATE INDEX event_lone_community ON event(community_key, coalesce(lone_start, seen_at))
                WHERE connection_id IS NULL AND community_key IS NOT NULL;
            """)
        for trigger in triggers { try db.execute(sql: trigger) }
    }

    /// Gives the records of `temp.lone_connection` their connection's key instead of the
    /// connection, in event id ranges; `progress` hears of each range that had some.
    private static func unlinkLoneRecords(_ db: Database, progress: MigrationProgress?) throws {
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM temp.lone_connection") ?? 0
        guard total > 0 else { return }
        let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM event") ?? 0
        let update = try db.makeStatement(sql: """
            UPDATE event SET community_key = (SELECT l.community_key FROM temp.lone_connection l WHERE l.id = connection_id),
                             lone_start = (SELECT nullif(l.first_seen, seen_at) FROM temp.lone_connection l
                                           WHERE l.id = connection_id),
                             connection_id = NULL
            WHERE id > ? AND id <= ? AND connection_id IN (SELECT id FROM temp.lone_connection)
            """)
        var after: Int64 = 0, done = 0
        while after < last {
            try update.execute(arguments: [after, after + loneConnectionBatch])
            after += loneConnectionBatch
            guard db.changesCount > 0 else { continue }
            done += db.changesCount
            progress?(done, total)
        }
    }
}
