import Detection
import Foundation
import GRDB

/// The v18 migration: every address column rewritten from the 16-byte IPv4-mapped form
/// (`IPAddress.mappedBytes`) to the family-tagged one (`IPAddress.storeBlob`): 5 bytes for an
/// IPv4 address instead of 16, in every table and index that holds one. Triggers are set aside
/// while the columns change (re-keying a row must not recount what they keep) and the indexes
/// of the rewritten columns are built again afterwards, sorted, rather than updated row by row.
/// Events are rewritten in id ranges; `progress` hears every `batchSize` rows.
enum AddressCompaction {
    /// Event ids rewritten per step.
    static let batchSize: Int64 = 100_000

    /// The address columns of each table (`event.source_ips`, a list, is rewritten apart).
    static let columns: KeyValuePairs<String, [String]> = [
        "event": ["source_ip", "destination_ip"],
        "host": ["address"],
        "host_destination": ["host", "destination"],
        "host_flow_day": ["host"],
        "flow_summary": ["host", "destination"],
        "host_case": ["host"],
        "case_guide_step": ["host"],
        "case_note": ["host"],
        "connection": ["host"],
        "connection_alert_group": ["host"],
        "alert": ["host", "destination"],
    ]

    static func run(_ db: Database, progress: MigrationProgress?) throws {
        try rewrite(db, columns: tagged, lists: { IPAddress.storeBlob(IPAddress.addresses(mappedBytes: $0)) },
                    progress: progress)
    }

    /// Sets every address column to the SQL value `columns` makes of its name and every
    /// `source_ips` list to `lists` of it, with the triggers set aside and the indexes that hold
    /// those columns built again.
    static func rewrite(_ db: Database, columns value: (String) -> String, lists: (Data) -> Data,
                        progress: MigrationProgress?) throws {
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid")
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER \((trigger[0] as String).quotedDatabaseIdentifier)") }
        for (table, names) in columns {
            // `index_xinfo` also lists the key a WITHOUT ROWID table's indexes carry.
            let indexes = try Row.fetchAll(db, sql: """
                SELECT DISTINCT m.name, m.sql FROM sqlite_master m, pragma_index_xinfo(m.name) i
                WHERE m.type = 'index' AND m.tbl_name = ? AND m.sql IS NOT NULL AND i.name IN (\(databaseQuestionMarks(count: names.count)))
                """, arguments: StatementArguments([table] + names))
            for index in indexes { try db.execute(sql: "DROP INDEX \((index[0] as String).quotedDatabaseIdentifier)") }
            let assignments = names.map { "\($0) = \(value($0))" }.joined(separator: ", ")
            if table == "event" {
                try rewriteEvents(db, setting: assignments, lists: lists, progress: progress)
            } else {
                try db.execute(sql: "UPDATE \(table) SET \(assignments)")
            }
            for index in indexes { try db.execute(sql: index[1] as String) }
        }
        for trigger in triggers { try db.execute(sql: trigger[1] as String) }
    }

    /// SQL: the tagged value of the address column `column` holding the 16-byte form; NULL, the
    /// empty blob (`flow_summary`'s absent address) and tagged values stay as they are.
    static func tagged(_ column: String) -> String {
        """
        CASE WHEN length(\(column)) <> 16 THEN \(column)
             WHEN substr(\(column), 1, 12) = x'00000000000000000000FFFF'
                 THEN CAST(x'\(hex(AddressTag.ipv4))' || substr(\(column), 13) AS BLOB)
             ELSE CAST(x'\(hex(AddressTag.ipv6))' || \(column) AS BLOB) END
        """
    }

    private static func hex(_ tag: UInt8) -> String { String(format: "%02X", tag) }

    /// Rewrites the event rows' address columns (`assignments`) in id ranges, and the few
    /// `source_ips` lists (to `lists` of each) one row at a time.
    private static func rewriteEvents(_ db: Database, setting assignments: String, lists: (Data) -> Data,
                                      progress: MigrationProgress?) throws {
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0
        let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM event") ?? 0
        let update = try db.makeStatement(sql: "UPDATE event SET \(assignments) WHERE id > ? AND id <= ?")
        var after: Int64 = 0, done = 0
        while after < last {
            try update.execute(arguments: [after, after + batchSize])
            after += batchSize
            done += db.changesCount
            progress?(done, total)
        }
        let rewrite = try db.makeStatement(sql: "UPDATE event SET source_ips = ? WHERE id = ?")
        for row in try Row.fetchAll(db, sql: "SELECT id, source_ips FROM event WHERE source_ips IS NOT NULL") {
            try rewrite.execute(arguments: [lists(row[1]), row[0] as Int64])
        }
    }
}
