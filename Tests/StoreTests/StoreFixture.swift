import BundledRules
import Detection
import Foundation
import GRDB
@testable import Store

/// A store in a fresh temporary directory, removed when the fixture goes away.
final class StoreFixture {
    let directory: URL
    let path: String
    let store: SMBStore
    let rule: CompiledRule

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("smbtriage-store-tests-\(UUID().uuidString)")
        path = directory.appendingPathComponent("nested/smbtriage.db").path
        store = try SMBStore(path: path, rules: .bundled())
        rule = try CompiledRule(DetectionRule.bundled())
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The store at `path` opened again, working with `rules` instead of the bundled versions.
    func store(running rules: RuleCatalog) throws -> SMBStore {
        try SMBStore(path: path, rules: rules)
    }

    /// The rule with another per-execution cap.
    func rule(maxSignals: Int) throws -> CompiledRule {
        var rule = rule.rule
        rule.maxSignals = maxSignals
        return try CompiledRule(rule)
    }
}

/// A fixed clock origin so tests do not depend on the wall clock.
let baseTime = Date(timeIntervalSince1970: 1_780_000_000)

/// A Zeek-style SMB connection from `source` to `destination`; `line` makes the record unique.
func smbEvent(_ source: String, _ destination: String, port: Int = 445, at time: Date = baseTime,
              bytesOut: Int64 = 100, bytesIn: Int64 = 50, line: Int, hostName: String? = nil) -> IngestedEvent {
    let event = NetworkEvent(
        timestamp: time, dataset: "zeek.connection", module: "zeek", categories: ["network"],
        types: ["connection", "start"], sourceIPs: [IPAddress(source)!], sourcePort: 50000 + line % 10000,
        sourceBytes: bytesOut, sourceDomain: hostName, destinationIPs: [IPAddress(destination)!],
        destinationPort: port, destinationBytes: bytesIn, transport: "tcp", flowID: "C\(line)")
    let original = #"{"uid":"C\#(line)","id.orig_h":"\#(source)","id.resp_h":"\#(destination)"}"#
    return IngestedEvent(event: event, origin: RecordOrigin(path: "/logs/conn.log", line: line,
                                                           format: "zeek-json", original: original))
}

/// A Packetbeat flow report: cumulative bytes, `final` on the last report.
func packetbeatReport(flowID: String, at time: Date, bytesOut: Int64, isFinal: Bool, line: Int) -> IngestedEvent {
    let event = NetworkEvent(
        timestamp: time, dataset: "network_traffic.flow", categories: ["network"],
        types: isFinal ? ["connection", "end"] : ["connection"], sourceIPs: [IPAddress("10.0.0.5")!],
        sourcePort: 50123, sourceBytes: bytesOut, destinationIPs: [IPAddress("8.8.8.8")!], destinationPort: 445,
        destinationBytes: bytesOut / 2, transport: "tcp", flowID: flowID, isFinalReport: isFinal)
    let original = #"{"flow":{"id":"\#(flowID)","final":\#(isFinal)},"source":{"bytes":\#(bytesOut)}}"#
    return IngestedEvent(event: event, origin: RecordOrigin(path: "/logs/packetbeat.ndjson", line: line,
                                                           format: "ecs", original: original))
}

/// Runs `rollback`, one of the SQL rollbacks below (which start from schema version 14), on a
/// store of this build: `rollBackToVersion14` first.
func rollBack(_ db: Database, _ rollback: String) throws {
    try rollBackToVersion14(db)
    try db.execute(sql: rollback)
}

/// Turns a store of this build back into one of the schema before family-tagged addresses (v18):
/// every address column in the 16-byte IPv4-mapped form again (`IPAddress.mappedBytes`).
func rollBackToVersion17(_ db: Database) throws {
    try rollBackToVersion20(db)
    try db.execute(sql: rollbackToVersion18)
    try AddressCompaction.rewrite(db, columns: { column in
        """
        CASE WHEN length(\(column)) = 5 THEN CAST(x'00000000000000000000FFFF' || substr(\(column), 2) AS BLOB)
             WHEN length(\(column)) = 17 THEN substr(\(column), 2) ELSE \(column) END
        """
    }, lists: { IPAddress.mappedBytes(IPAddress.addresses(storeBlob: $0)) }, progress: nil)
    try db.execute(sql: """
        DELETE FROM grdb_migrations WHERE identifier = 'v18';
        PRAGMA user_version = 17;
        """)
}

/// Turns a store of this build back into one of schema version 14 (v24, v23, v22, v21, v20, v19, v18, v17 and v16 undone first, then
/// the compact event row of v15): every field in a column of its own again (decoded from
/// `fields`), each row its file's path and format, the open-report index on `is_final`, no
/// `origin_file`.
func rollBackToVersion14(_ db: Database) throws {
    try rollBackToVersion17(db)
    try db.execute(sql: rollbackToVersion15)
    let values = legacyEventValues(NetworkEvent())
    let added = values.map(\.column).filter { !EventColumns.fieldNames.contains($0) }
    try db.execute(sql: """
        DROP INDEX event_open_flow;
        ALTER TABLE event ADD COLUMN origin_path TEXT NOT NULL DEFAULT '';
        ALTER TABLE event ADD COLUMN origin_format TEXT NOT NULL DEFAULT '';
        \(added.map { "ALTER TABLE event ADD COLUMN \($0);" }.joined(separator: "\n"))
        UPDATE event SET origin_path = (SELECT path FROM origin_file WHERE id = origin_id),
                         origin_format = (SELECT format FROM origin_file WHERE id = origin_id);
        """)
    let update = try db.makeStatement(sql: """
        UPDATE event SET \(values.map { "\($0.column) = ?" }.joined(separator: ", ")) WHERE id = ?
        """)
    for row in try Row.fetchAll(db, sql: "SELECT e.id, \(EventColumns.fieldSelection) FROM event e") {
        let event = mappedEvent(from: row)
        try update.execute(arguments: StatementArguments(legacyEventValues(event).map(\.value) + [row[0] as Int64]))
    }
    try db.execute(sql: """
        ALTER TABLE event DROP COLUMN fields;
        ALTER TABLE event DROP COLUMN origin_id;
        DROP TABLE origin_file;
        CREATE INDEX event_open_flow ON event(flow_key) WHERE flow_key IS NOT NULL AND is_final = 0;
        DELETE FROM grdb_migrations WHERE identifier = 'v15';
        PRAGMA user_version = 14;
        """)
}

/// The event of a row of `e.id` and `EventColumns.fieldSelection` whose address columns hold
/// the 16-byte form of schema 17 and before.
private func mappedEvent(from row: Row) -> NetworkEvent {
    var event = EventColumns.event(from: row, startingAt: 1)
    let source = (row[2] as Data?).flatMap(IPAddress.init(mappedBytes:))
    event.sourceIPs = (row[3] as Data?).map(IPAddress.addresses(mappedBytes:)) ?? source.map { [$0] } ?? []
    let destination = (row[4] as Data?).flatMap(IPAddress.init(mappedBytes:))
    event.destinationIPs = (destination.map { [$0] } ?? []) + event.destinationIPs
    return event
}

/// The v14 columns of `event` (one per field) and their values, as that schema wrote them.
private func legacyEventValues(_ event: NetworkEvent) -> [(column: String, value: (any DatabaseValueConvertible)?)] {
    func addresses(_ all: [IPAddress]) -> Data? { all.count > 1 ? IPAddress.mappedBytes(all) : nil }
    return [
        ("timestamp", event.timestamp?.storeSeconds), ("start_at", event.start?.storeSeconds),
        ("end_at", event.end?.storeSeconds), ("duration_ns", event.durationNanoseconds), ("dataset", event.dataset),
        ("module", event.module), ("categories", StringList.text(event.categories)),
        ("types", StringList.text(event.types)), ("action", event.action), ("outcome", event.outcome),
        ("code", event.code), ("source_ip", event.sourceIPs.first?.mappedBytes), ("source_ips", addresses(event.sourceIPs)),
        ("source_port", event.sourcePort), ("source_bytes", event.sourceBytes), ("source_packets", event.sourcePackets),
        ("source_domain", event.sourceDomain), ("destination_ip", event.destinationIPs.first?.mappedBytes),
        ("destination_ips", addresses(event.destinationIPs)), ("destination_port", event.destinationPort),
        ("destination_bytes", event.destinationBytes), ("destination_packets", event.destinationPackets),
        ("destination_domain", event.destinationDomain), ("transport", event.transport),
        ("application_protocol", event.applicationProtocol), ("direction", event.direction),
        ("community_id", event.communityID), ("flow_id", event.flowID), ("is_final", event.isFinalReport),
        ("connection_state", event.connectionState), ("observer_host", event.observerHostName),
        ("process_executable", event.processExecutable), ("process_id", event.processID),
        ("user_name", event.userName), ("user_domain", event.userDomain), ("rule_name", event.ruleName),
        ("rule_category", event.ruleCategory), ("severity", event.severity), ("threat_name", event.threatName),
    ]
}

/// Turns a store of this build back into one of schema version 11 (before compressed records and
/// Community ID keys, v12; v13 undone first): every original record TEXT again, each connection
/// its Community ID, every Packetbeat report its flow key.
func rollBackToVersion11(_ db: Database) throws {
    try rollBackRecordBlocks(db)
    for row in try Row.fetchAll(db, sql: "SELECT id, original FROM event WHERE typeof(original) = 'blob'") {
        try db.execute(sql: "UPDATE event SET original = ? WHERE id = ?",
                       arguments: [StoredRecord.text(of: row[1]), row[0] as Int64])
    }
    try rollBack(db, rollbackToVersion11)
}

/// Turns a store of this build back into one of schema version 16 (before alert rows pointed to
/// their rule, v17): each alert its rule's id, name and severity and its whole reason again.
let rollbackToVersion16 = """
    ALTER TABLE alert ADD COLUMN rule_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE alert ADD COLUMN rule_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE alert ADD COLUMN severity TEXT NOT NULL DEFAULT '';
    UPDATE alert SET reason = \(AlertReason.sql(alert: "alert"));
    UPDATE alert SET (rule_id, rule_name, severity) = (SELECT r.rule_id, r.rule_name, r.severity FROM alert_rule r
                                                        WHERE r.id = alert.rule_key);
    ALTER TABLE alert DROP COLUMN rule_key;
    ALTER TABLE alert DROP COLUMN reason_is_detail;
    DROP TABLE alert_rule;
    DELETE FROM grdb_migrations WHERE identifier = 'v17';
    PRAGMA user_version = 16;

    """

/// Turns a store of this build back into one of schema version 23 (before record blocks, v24):
/// each record compressed alone in its row's `original` again, as v12 to v23 wrote it
/// (`RecordCompressor`: SQL cannot compress), and no `record_ref` nor `record_block`. A store
/// without blocks is left as it is.
func rollBackRecordBlocks(_ db: Database) throws {
    guard try db.tableExists("record_block") else { return }
    let compressor = RecordCompressor()
    let records = StoredRecordReader(db)
    let update = try db.makeStatement(sql: "UPDATE event SET original = ? WHERE id = ?")
    for row in try Row.fetchAll(db, sql: """
        SELECT e.id, (SELECT format FROM origin_file WHERE id = e.origin_id), e.original, e.record_ref
        FROM event e WHERE e.record_ref IS NOT NULL
        """) {
        let text = try records.text(original: row[2], reference: row[3])
        try update.execute(arguments: [compressor.compress(text, format: row[1] ?? ""), row[0] as Int64])
    }
    try db.execute(sql: """
        ALTER TABLE event DROP COLUMN record_ref;
        DROP TABLE record_block;
        DELETE FROM grdb_migrations WHERE identifier = 'v24';
        PRAGMA user_version = 23;
        """)
}

/// The SQL that turns a store of schema version 23 back into one of version 22 (before the hosts'
/// hourly timelines kept per hour, v23).
let rollbackToVersion22 = """
    DROP TABLE host_flow_hour;
    DELETE FROM grdb_migrations WHERE identifier = 'v23';
    PRAGMA user_version = 22;

    """

/// The SQL that turns a store of schema version 23 back into one of version 21 (before the kept
/// counts of flows and flow summaries, v22): `rollbackToVersion22`, then v22 undone.
let rollbackToVersion21 = rollbackToVersion22 + """
    DROP TABLE stored_count;
    DELETE FROM grdb_migrations WHERE identifier = 'v22';
    PRAGMA user_version = 21;

    """

/// Turns a store of this build back into one of schema version 20 (before lone records, v21):
/// `rollBackRecordBlocks`, `rollbackToVersion21`, then each record without a `connection` row gets one of its own (its
/// figures, its Community ID's key), as v20 made for every record, and `event.community_key`,
/// `event.lone_start` and their index go.
func rollBackToVersion20(_ db: Database) throws {
    try rollBackRecordBlocks(db)
    try db.execute(sql: rollbackToVersion21)
    let insert = try db.makeStatement(sql: """
        INSERT INTO connection (community_key, host, first_seen, last_seen, bytes_sent, bytes_received, packets_sent,
                                packets_received, sensors, is_external, events)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
        """)
    let link = try db.makeStatement(sql: "UPDATE event SET connection_id = ? WHERE id = ?")
    for row in try Row.fetchAll(db, sql: """
        SELECT e.id, e.community_key, \(ConnectionRow.recordSelection) FROM event e WHERE e.connection_id IS NULL
        """) {
        let lone = ConnectionRow(storedRecord: row, startingAt: 2)
        try insert.execute(arguments: [row[1] as Int64?, lone.host?.storeBlob, lone.span.start.storeSeconds,
                                       lone.span.end.storeSeconds, lone.bytesSent, lone.bytesReceived, lone.packetsSent,
                                       lone.packetsReceived, StringList.text(lone.sensors), lone.isExternal])
        try link.execute(arguments: [db.lastInsertedRowID, row[0] as Int64])
    }
    try db.execute(sql: """
        DROP INDEX event_lone_community;
        ALTER TABLE event DROP COLUMN community_key;
        ALTER TABLE event DROP COLUMN lone_start;
        DELETE FROM grdb_migrations WHERE identifier = 'v21';
        PRAGMA user_version = 20;
        """)
}

/// Turns a store of this build back into one of schema version 19 (before the closed alerts'
/// partial index, v20): `rollBackToVersion20`, then `rollbackToVersion19`'s SQL.
func rollBackToVersion19(_ db: Database) throws {
    try rollBackToVersion20(db)
    try db.execute(sql: rollbackToVersion19)
}

/// The SQL that turns a store of schema version 20 back into one of version 19 (before the
/// closed alerts' partial index, v20).
let rollbackToVersion19 = """
    DROP INDEX alert_closed_at;
    DELETE FROM grdb_migrations WHERE identifier = 'v20';
    PRAGMA user_version = 19;

    """

/// Turns a store of this build back into one of schema version 18 (before the alerted hosts'
/// partial index, v19).
let rollbackToVersion18 = rollbackToVersion19 + """
    DROP INDEX host_alerted;
    DELETE FROM grdb_migrations WHERE identifier = 'v19';
    PRAGMA user_version = 18;

    """

/// Turns a store of this build back into one of the schema before v16 (slimmer host rows with a
/// plain rank, hosts' daily timelines kept per day): no `host_flow_day` nor
/// `connection.is_external`, the host's text address again (empty: v16 derives it and never reads it) and
/// the case triggers that set the flag alone. The rank columns stay plain, where v14 generated
/// them: v16 recomputes them from the counts, and `rollbackToVersion8` drops either kind.
let rollbackToVersion15 = rollbackToVersion16 + """
    DROP TABLE host_flow_day;
    ALTER TABLE connection DROP COLUMN is_external;
    DROP TRIGGER host_case_on_insert;
    DROP TRIGGER host_case_on_state;
    DROP TRIGGER host_case_on_delete;
    ALTER TABLE host ADD COLUMN address_text TEXT NOT NULL DEFAULT '';
    \(StoreSchema.caseTriggers(setting: "case_resolved = \(StoreSchema.resolvedCaseExists)"))
    DELETE FROM grdb_migrations WHERE identifier = 'v16';
    PRAGMA user_version = 15;

    """

/// Turns a store of this build back into one of schema version 13 (before new alerts joined
/// their connection groups without a trigger, v14): the alert insert triggers again.
let rollbackToVersion13 = ConnectionGroupSQL.alertInsertTriggers + """

    DELETE FROM grdb_migrations WHERE identifier = 'v14';
    PRAGMA user_version = 13;

    """

/// Turns a store of this build back into one of schema version 12 (before a connection's alerts
/// were indexed by host).
let rollbackToVersion12 = rollbackToVersion13 + """
    DROP INDEX alert_connection;
    CREATE INDEX alert_connection ON alert(connection_key, status);
    DELETE FROM grdb_migrations WHERE identifier = 'v13';
    PRAGMA user_version = 12;

    """

/// The SQL part of `rollBackToVersion11`: the v12 store (`rollbackToVersion12`), then the
/// connections' Community IDs, the flow keys, the migration record and version. Alone, it leaves
/// the records compressed, which the upgrade tests of earlier versions do not read.
let rollbackToVersion11 = rollbackToVersion12 + """
    ALTER TABLE connection ADD COLUMN community_id TEXT;
    UPDATE connection SET community_id = (SELECT e.community_id FROM event e
                                          WHERE e.connection_id = connection.id AND e.community_id IS NOT NULL)
    WHERE community_key IS NOT NULL;
    DROP INDEX connection_community_key;
    ALTER TABLE connection DROP COLUMN community_key;
    CREATE INDEX connection_community ON connection(community_id, first_seen) WHERE community_id IS NOT NULL;
    UPDATE event SET flow_key = length(CAST(coalesce(dataset, '') AS BLOB)) || ':' || coalesce(dataset, '') || flow_id
    WHERE flow_key IS NULL AND is_final IS NOT NULL AND flow_id IS NOT NULL;
    DELETE FROM grdb_migrations WHERE identifier = 'v12';
    PRAGMA user_version = 11;

    """

/// Turns a store of this build back into one of schema version 10 (before a host's events in
/// time order carried their connection).
let rollbackToVersion10 = rollbackToVersion11 + """
    DROP INDEX event_source_time;
    CREATE INDEX event_source_time ON event(source_ip, seen_at);
    DELETE FROM grdb_migrations WHERE identifier = 'v11';
    PRAGMA user_version = 10;

    """

/// Turns a store of this build back into one of schema version 9 (before a host's alert list
/// had its connection groups kept).
let rollbackToVersion9 = rollbackToVersion10 + """
    DROP TRIGGER connection_key_on_alert_insert;
    DROP TRIGGER connection_group_on_alert_insert;
    DROP TRIGGER connection_group_on_alert_row;
    DROP TRIGGER connection_group_on_alert_status;
    DROP TRIGGER connection_group_on_alert_delete;
    DROP TRIGGER connection_group_on_note_insert;
    DROP TRIGGER connection_key_on_event_link;
    DROP TABLE connection_alert_group;
    DROP INDEX alert_connection;
    ALTER TABLE alert DROP COLUMN connection_key;
    DELETE FROM grdb_migrations WHERE identifier = 'v10';
    PRAGMA user_version = 9;

    """

/// Turns a store of this build back into one of schema version 8 (before the hosts list's rank
/// was kept in indexed columns).
let rollbackToVersion8 = rollbackToVersion9 + """
    DROP TRIGGER host_case_on_insert;
    DROP TRIGGER host_case_on_state;
    DROP TRIGGER host_case_on_delete;
    DROP INDEX host_rank_base;
    DROP INDEX host_rank_recent;
    DROP INDEX host_last_seen;
    ALTER TABLE host DROP COLUMN rank_recent;
    ALTER TABLE host DROP COLUMN rank_base;
    ALTER TABLE host DROP COLUMN case_resolved;
    DELETE FROM grdb_migrations WHERE identifier = 'v9';
    PRAGMA user_version = 8;

    """

/// Turns a store of this build back into one of schema version 6 (before cases and connections):
/// the aggregates keep what this build counted (`countAsVersion6` recounts them as version 6 did);
/// the cases' ticked steps are lost (version 6 kept them per alert).
let rollbackToVersion6 = rollbackToVersion8 + """
    DROP TABLE connection;
    ALTER TABLE event DROP COLUMN connection_id;
    ALTER TABLE host_destination DROP COLUMN replied;
    ALTER TABLE host_destination DROP COLUMN is_new;
    ALTER TABLE host DROP COLUMN unanswered_destinations;
    ALTER TABLE host DROP COLUMN new_destinations;
    ALTER TABLE host DROP COLUMN new_destination_bytes;
    CREATE INDEX host_attention ON host(open_alerts DESC, bytes_out DESC, address);
    DROP TABLE host_case;
    DROP TABLE case_guide_step;
    DROP TABLE case_note;
    CREATE TABLE alert_guide_step (
        alert_id INTEGER NOT NULL REFERENCES alert(id),
        step INTEGER NOT NULL,
        PRIMARY KEY (alert_id, step)
    ) WITHOUT ROWID;
    DELETE FROM grdb_migrations WHERE identifier IN ('v7', 'v8');
    PRAGMA user_version = 6;
    """

/// The host and (host, destination) flow and byte counts as schema version 6 kept them: every
/// stored record a flow of its own, its bytes added.
let countAsVersion6 = """
    UPDATE host SET
        flows = (SELECT COUNT(*) FROM event WHERE source_ip = host.address),
        bytes_out = (SELECT coalesce(sum(source_bytes), 0) FROM event WHERE source_ip = host.address AND is_external);
    UPDATE host_destination SET
        connections = (SELECT COUNT(*) FROM event WHERE source_ip = host AND destination_ip = destination),
        bytes_sent = (SELECT coalesce(sum(source_bytes), 0) FROM event WHERE source_ip = host AND destination_ip = destination),
        bytes_received = (SELECT coalesce(sum(destination_bytes), 0) FROM event
                          WHERE source_ip = host AND destination_ip = destination);
    """

/// SQL that turns a store of the current schema back into what stop 9's release (schema version 3)
/// made: no rule versions (v4), no retention tables (v5), no threat fields (v6), and guide ticks
/// per alert instead of cases (v7; the rollback drops the case tables' content). Upgrade tests
/// start from it.
let rollbackToVersion3 = rollbackToVersion6 + """
    DROP TABLE active_rule;
    DROP INDEX event_source_ingested;
    DROP INDEX event_source_array_ingested;
    ALTER TABLE alert DROP COLUMN rule_version;
    DROP TABLE retention_policy;
    DROP TABLE flow_summary;
    DROP INDEX superseded_report_event;
    ALTER TABLE event DROP COLUMN rule_name;
    ALTER TABLE event DROP COLUMN rule_category;
    ALTER TABLE event DROP COLUMN severity;
    ALTER TABLE event DROP COLUMN threat_name;
    DELETE FROM grdb_migrations WHERE identifier IN ('v4', 'v5', 'v6');
    PRAGMA user_version = 3;
    """
