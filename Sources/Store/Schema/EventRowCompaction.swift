import Detection
import Foundation
import GRDB

/// The v15 migration: the event table rebuilt with the compact row (`EventColumns`): the columns
/// SQL filters, sorts or joins on, the rest of the event as one `fields` BLOB (`EventFields`), and
/// each record's file and format stored once in `origin_file`. Rows are copied in id order, a
/// batch at a time, so memory stays bounded on a large store; `progress` hears every
/// `reportEvery` rows. Addresses keep the 16-byte form of their schema (`AddressForm.mapped`).
enum EventRowCompaction {
    /// Rows read and written per step.
    static let batchSize = 5_000
    /// Rows between two reports to `progress` (and the last row).
    static let reportEvery = 100_000

    static func run(_ db: Database, progress: MigrationProgress?) throws {
        try db.execute(sql: """
            CREATE TABLE origin_file (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL,
                format TEXT NOT NULL,
                UNIQUE (path, format)
            );
            INSERT INTO origin_file (path, format) SELECT DISTINCT origin_path, origin_format FROM event;
            """)
        try createCompactTable(db, named: "event_v15")
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0
        let select = try db.makeStatement(sql: """
            SELECT e.id, e.fingerprint, e.flow_key, e.seen_at, e.ingested_at, e.is_external, e.connection_id,
                   o.id, e.origin_line, e.original, \(LegacyEventColumns.fieldNames.map { "e.\($0)" }.joined(separator: ", "))
            FROM event e JOIN origin_file o ON o.path = e.origin_path AND o.format = e.origin_format
            WHERE e.id > ? ORDER BY e.id LIMIT \(batchSize)
            """)
        var insert = try RawStatement(db, sql: """
            INSERT INTO event_v15 (id, fingerprint, flow_key, seen_at, ingested_at, is_external, connection_id,
                                   \((EventColumns.originNames + ["original"] + EventColumns.fieldNames).joined(separator: ", ")))
            VALUES (\(databaseQuestionMarks(count: 8 + EventColumns.originNames.count + EventColumns.fieldNames.count)))
            """)
        var after: Int64 = 0
        var copied = 0
        while true {
            let rows = try Row.fetchAll(select, arguments: [after])
            guard let last = rows.last else { break }
            for row in rows {
                let event = LegacyEventColumns.event(from: row, startingAt: 10)
                let seenAt: Double = row[3]
                insert.bind(row[0] as Int64)
                insert.bind(row[1] as Data)
                insert.bind(EventWriter.storedFlowKey(row[2], of: event))
                insert.bind(seenAt)
                insert.bind(row[4] as Double)
                insert.bind(row[5] as Int64)
                insert.bind(row[6] as Int64?)
                EventColumns.bind(originID: row[7], line: row[8], to: &insert)
                insert.bind(row[9] as Data)
                EventColumns.bind(event, fields: EventFields.encoded(event, seenAt: seenAt), addresses: .mapped,
                                  to: &insert)
                try insert.execute()
            }
            after = last[0]
            copied += rows.count
            if copied % reportEvery < batchSize || copied == total { progress?(copied, total) }
        }
        try db.execute(sql: "DROP TABLE event")
        // The rename must not rewrite the references other tables, their triggers and foreign
        // keys hold to `event`: they name the table the new one becomes.
        try db.execute(sql: "PRAGMA legacy_alter_table = ON")
        try db.execute(sql: "ALTER TABLE event_v15 RENAME TO event")
        try db.execute(sql: "PRAGMA legacy_alter_table = OFF")
        try createIndexes(db)
    }

    /// The compact event table. `fields` comes before `original`, so a read that skips the
    /// record never steps over it.
    private static func createCompactTable(_ db: Database, named name: String) throws {
        try db.execute(sql: """
            CREATE TABLE \(name) (
                id INTEGER PRIMARY KEY,
                fingerprint BLOB NOT NULL,
                flow_key TEXT,
                seen_at REAL NOT NULL,
                ingested_at REAL NOT NULL,
                is_external INTEGER NOT NULL,
                connection_id INTEGER,
                source_ip BLOB,
                source_ips BLOB,
                destination_ip BLOB,
                destination_port INTEGER,
                fields BLOB NOT NULL,
                origin_id INTEGER NOT NULL,
                origin_line INTEGER NOT NULL,
                original BLOB NOT NULL
            )
            """)
    }

    /// The indexes of v14 and the trigger that keys an event's alert by its connection. The open
    /// report index no longer reads `is_final`: only an open report keeps a flow key.
    private static func createIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE UNIQUE INDEX event_fingerprint ON event(fingerprint);
            CREATE INDEX event_open_flow ON event(flow_key) WHERE flow_key IS NOT NULL;
            CREATE INDEX event_source_time ON event(source_ip, seen_at, connection_id);
            CREATE INDEX event_source_ingested ON event(source_ip, ingested_at);
            CREATE INDEX event_source_array_ingested ON event(ingested_at) WHERE source_ips IS NOT NULL;
            \(ConnectionGroupSQL.eventLinkTrigger)
            """)
    }
}
