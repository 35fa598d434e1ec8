import GRDB

/// The store's tables and their versioned migrations. Every migration ends by recording its
/// version in `PRAGMA user_version`, so a build can refuse a store written by a newer one.
///
/// Times are REAL seconds since 2001-01-01 UTC (Foundation's reference date: `Date` round-trips
/// exactly); addresses are family-tagged blobs (`IPAddress.storeBlob`: IPv4 in 5 bytes, IPv6 in
/// 17), so byte order is address order within a family and every IPv4 address sorts first.
enum StoreSchema {
    /// The newest schema version this build knows.
    static let version = 24

    /// The migrations; `progress` hears how far the long ones got.
    static func migrator(progress: MigrationProgress? = nil) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try createEvents(db)
            try createAggregates(db)
            try createAlerts(db)
            try createTriage(db)
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        migrator.registerMigration("v2") { db in
            try dropSecondaryHostOrders(db)
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        migrator.registerMigration("v3") { db in
            try createCandidateQuery(db)
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        migrator.registerMigration("v4") { db in
            try addRuleVersions(db)
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        migrator.registerMigration("v5") { db in
            try createRetention(db)
            try db.execute(sql: "PRAGMA user_version = 5")
        }
        migrator.registerMigration("v6") { db in
            try addThreatFields(db)
            try db.execute(sql: "PRAGMA user_version = 6")
        }
        migrator.registerMigration("v7") { db in
            try createCases(db)
            try db.execute(sql: "PRAGMA user_version = 7")
        }
        migrator.registerMigration("v8") { db in
            try addConnections(db)
            try ConnectionBackfill.run(db)
            try db.execute(sql: "PRAGMA user_version = 8")
        }
        migrator.registerMigration("v9") { db in
            try addHostRank(db)
            try db.execute(sql: "PRAGMA user_version = 9")
        }
        migrator.registerMigration("v10") { db in
            try addConnectionGroups(db)
            try db.execute(sql: "PRAGMA user_version = 10")
        }
        migrator.registerMigration("v11") { db in
            try addConnectionToSourceTimeIndex(db)
            try db.execute(sql: "PRAGMA user_version = 11")
        }
        migrator.registerMigration("v12") { db in
            try RecordCompaction.run(db)
            try ConnectionKeys.run(db)
            try db.execute(sql: "PRAGMA user_version = 12")
        }
        migrator.registerMigration("v13") { db in
            try addHostToConnectionIndex(db)
            try db.execute(sql: "PRAGMA user_version = 13")
        }
        migrator.registerMigration("v14") { db in
            try dropAlertInsertTriggers(db)
            try db.execute(sql: "PRAGMA user_version = 14")
        }
        migrator.registerMigration("v15") { db in
            try EventRowCompaction.run(db, progress: progress)
            try db.execute(sql: "PRAGMA user_version = 15")
        }
        migrator.registerMigration("v16") { db in
            try slimHost(db)
            try addHostFlowDays(db)
            try db.execute(sql: "PRAGMA user_version = 16")
        }
        migrator.registerMigration("v17") { db in
            try normalizeAlertRules(db)
            try db.execute(sql: "PRAGMA user_version = 17")
        }
        migrator.registerMigration("v18") { db in
            try AddressCompaction.run(db, progress: progress)
            try db.execute(sql: "PRAGMA user_version = 18")
        }
        migrator.registerMigration("v19") { db in
            try addAlertedHostIndex(db)
            try db.execute(sql: "PRAGMA user_version = 19")
        }
        migrator.registerMigration("v20") { db in
            try addClosedAlertIndex(db)
            try db.execute(sql: "PRAGMA user_version = 20")
        }
        migrator.registerMigration("v21") { db in
            try addLoneConnections(db, progress: progress)
            try db.execute(sql: "PRAGMA user_version = 21")
        }
        migrator.registerMigration("v22") { db in
            try addStoredCounts(db)
            try db.execute(sql: "PRAGMA user_version = 22")
        }
        migrator.registerMigration("v23") { db in
            try addHostFlowHours(db, progress: progress)
            try db.execute(sql: "PRAGMA user_version = 23")
        }
        migrator.registerMigration("v24") { db in
            try RecordBlockCompaction.run(db, progress: progress)
            try db.execute(sql: "PRAGMA user_version = 24")
        }
        return migrator
    }

    /// Every stored SMB event and its origin; the queue of events no execution decided yet and
    /// the matches left pending by an execution's cap (narrow tables, so deciding an event never
    /// rewrites its wide row).
    private static func createEvents(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE event (
                id INTEGER PRIMARY KEY,
                fingerprint BLOB NOT NULL,
                flow_key TEXT,
                seen_at REAL NOT NULL,
                ingested_at REAL NOT NULL,
                is_external INTEGER NOT NULL,
                origin_path TEXT NOT NULL,
                origin_line INTEGER NOT NULL,
                origin_format TEXT NOT NULL,
                original TEXT NOT NULL, -- since v12 a BLOB: the record compressed (StoredRecord); since v24 empty (RecordBlock)
                timestamp REAL, start_at REAL, end_at REAL, duration_ns INTEGER,
                dataset TEXT, module TEXT, categories TEXT, types TEXT,
                action TEXT, outcome TEXT, code TEXT,
                source_ip BLOB, source_ips BLOB, source_port INTEGER,
                source_bytes INTEGER, source_packets INTEGER, source_domain TEXT,
                destination_ip BLOB, destination_ips BLOB, destination_port INTEGER,
                destination_bytes INTEGER, destination_packets INTEGER, destination_domain TEXT,
                transport TEXT, application_protocol TEXT, direction TEXT, community_id TEXT,
                flow_id TEXT, is_final INTEGER, connection_state TEXT, observer_host TEXT,
                process_executable TEXT, process_id INTEGER, user_name TEXT, user_domain TEXT
            );
            CREATE UNIQUE INDEX event_fingerprint ON event(fingerprint);
            CREATE INDEX event_open_flow ON event(flow_key) WHERE flow_key IS NOT NULL AND is_final = 0;
            CREATE INDEX event_source_time ON event(source_ip, seen_at);

            -- Undecided events the rule's query matches, in the order executions take them.
            CREATE TABLE detection_queue (
                ingested_at REAL NOT NULL,
                event_id INTEGER NOT NULL,
                PRIMARY KEY (ingested_at, event_id)
            ) WITHOUT ROWID;

            -- Matches an execution's cap left for later executions, oldest event first.
            CREATE TABLE pending_match (
                seen_at REAL NOT NULL,
                event_id INTEGER NOT NULL,
                PRIMARY KEY (seen_at, event_id)
            ) WITHOUT ROWID;

            -- How many rows pending_match holds, so no execution has to count them.
            CREATE TABLE detection_backlog (pending INTEGER NOT NULL);
            INSERT INTO detection_backlog (pending) VALUES (0);

            -- Fingerprints of Packetbeat reports a later report of the same flow replaced.
            CREATE TABLE superseded_report (
                fingerprint BLOB PRIMARY KEY,
                event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE
            ) WITHOUT ROWID;
            """)
    }

    /// Per-host and per-(host, destination) aggregates, kept current at ingest and on triage.
    private static func createAggregates(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE host (
                address BLOB PRIMARY KEY,
                address_text TEXT NOT NULL,
                host_name TEXT,
                first_seen REAL NOT NULL,
                last_seen REAL NOT NULL,
                flows INTEGER NOT NULL DEFAULT 0,
                external_destinations INTEGER NOT NULL DEFAULT 0,
                bytes_out INTEGER NOT NULL DEFAULT 0,
                open_alerts INTEGER NOT NULL DEFAULT 0,
                acknowledged_alerts INTEGER NOT NULL DEFAULT 0,
                closed_alerts INTEGER NOT NULL DEFAULT 0,
                highest_risk INTEGER
            ) WITHOUT ROWID;
            CREATE INDEX host_attention ON host(open_alerts DESC, bytes_out DESC, address);
            CREATE INDEX host_bytes_out ON host(bytes_out DESC, address);
            CREATE INDEX host_last_seen ON host(last_seen DESC, address);
            CREATE INDEX host_destinations ON host(external_destinations DESC, address);

            CREATE TABLE host_destination (
                host BLOB NOT NULL,
                destination BLOB NOT NULL,
                ports TEXT NOT NULL,
                connections INTEGER NOT NULL DEFAULT 0,
                bytes_sent INTEGER NOT NULL DEFAULT 0,
                bytes_received INTEGER NOT NULL DEFAULT 0,
                first_seen REAL NOT NULL,
                first_event_id INTEGER NOT NULL,
                last_seen REAL NOT NULL,
                is_external INTEGER NOT NULL,
                open_alerts INTEGER NOT NULL DEFAULT 0,
                acknowledged_alerts INTEGER NOT NULL DEFAULT 0,
                closed_alerts INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (host, destination)
            ) WITHOUT ROWID;
            """)
    }

    /// Only the console's default host order (attention) keeps an index: the other orders scan
    /// the table and keep the top rows (a few ms at 10 k hosts), where each index cost every new
    /// or changed host another random B-tree update at ingest (15% of the writer's instructions).
    private static func dropSecondaryHostOrders(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX IF EXISTS host_bytes_out;
            DROP INDEX IF EXISTS host_last_seen;
            DROP INDEX IF EXISTS host_destinations;
            """)
    }

    /// The query that chose the events in `detection_queue` (see `CandidateQuery`); NULL until
    /// one is recorded, which also describes a store from before v3, whose queue took every
    /// stored event.
    private static func createCandidateQuery(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE candidate_query (query TEXT);
            INSERT INTO candidate_query (query) VALUES (NULL);
            """)
    }

    /// Selectable rule versions (RULE.md "Later versions of the same rule"): the version each alert
    /// was made by (every alert before v4 is version 103's, the only one there was), the store's
    /// active version, and the indexes a new-terms execution's history look-up needs: the events
    /// of one `source.ip` by ingest time (the rule's timestamp field), and the few whose
    /// `source.ip` is an array, by ingest time. The existing (source_ip, seen_at) index would read
    /// every stored event of a host for each value looked up (event time is not ingest time); with
    /// (source_ip, ingested_at) a look-up reads the 5-day slice only (0.07 ms vs 17 ms for a host
    /// with no event in the window, sqlite3 on a 200 k-event store). Its price at ingest: inserting
    /// those 200 k rows into `event` took 1.6–2.0 s CPU with both indexes against 1.3–1.5 s without.
    private static func addRuleVersions(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE alert ADD COLUMN rule_version INTEGER NOT NULL DEFAULT 103;
            CREATE TABLE active_rule (version INTEGER NOT NULL);
            INSERT INTO active_rule (version) VALUES (103);
            CREATE INDEX event_source_ingested ON event(source_ip, ingested_at);
            CREATE INDEX event_source_array_ingested ON event(ingested_at) WHERE source_ips IS NOT NULL;
            """)
    }

    /// The store's retention policy (one row, the defaults of `RetentionPolicy`) and the daily
    /// summaries of pruned flows per (host, destination), which outlive the flows, and the index a
    /// pruned event's cascade needs. A store made
    /// before v4 keeps its `auto_vacuum` mode here: the first `prune` switches it on (a VACUUM).
    private static func createRetention(_ db: Database) throws {
        let defaults = RetentionPolicy.defaults
        try db.execute(sql: """
            CREATE TABLE retention_policy (
                flow_days INTEGER NOT NULL,
                closed_alert_days INTEGER NOT NULL,
                audit_days INTEGER NOT NULL
            );
            INSERT INTO retention_policy VALUES (\(defaults.flowDays), \(defaults.closedAlertDays), \(defaults.auditDays));

            CREATE TABLE flow_summary (
                host BLOB NOT NULL,
                day INTEGER NOT NULL,
                destination BLOB NOT NULL,
                ports TEXT NOT NULL,
                flows INTEGER NOT NULL,
                bytes_sent INTEGER NOT NULL,
                bytes_received INTEGER NOT NULL,
                first_seen REAL NOT NULL,
                last_seen REAL NOT NULL,
                is_external INTEGER NOT NULL,
                PRIMARY KEY (host, day, destination)
            ) WITHOUT ROWID;

            -- A pruned event's superseded reports go with it (ON DELETE CASCADE) without a scan.
            CREATE INDEX superseded_report_event ON superseded_report(event_id);
            """)
    }

    /// Detector executions and the alerts they created.
    private static func createAlerts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE execution (
                id INTEGER PRIMARY KEY,
                ran_at REAL NOT NULL,
                window_start REAL NOT NULL,
                window_end REAL NOT NULL,
                matched INTEGER NOT NULL DEFAULT 0,
                alerted INTEGER NOT NULL DEFAULT 0,
                pending INTEGER NOT NULL DEFAULT 0,
                suppressed_by TEXT NOT NULL DEFAULT '{}',
                cap_reached INTEGER NOT NULL DEFAULT 0
            );

            CREATE TABLE alert (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL,
                event_id INTEGER NOT NULL UNIQUE REFERENCES event(id),
                execution_id INTEGER NOT NULL REFERENCES execution(id),
                host BLOB,
                destination BLOB,
                seen_at REAL NOT NULL,
                status TEXT NOT NULL,
                close_reason TEXT,
                created_at REAL NOT NULL,
                updated_at REAL NOT NULL,
                rule_id TEXT NOT NULL,
                rule_name TEXT NOT NULL,
                severity TEXT NOT NULL,
                risk_score INTEGER NOT NULL,
                reason TEXT NOT NULL
            );
            CREATE INDEX alert_host_time ON alert(host, seen_at);
            CREATE INDEX alert_status_time ON alert(status, seen_at);
            CREATE INDEX alert_time ON alert(seen_at);
            """)
    }

    /// Notes, guide ticks, exceptions, the audit log and watch checkpoints.
    private static func createTriage(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE alert_note (
                id INTEGER PRIMARY KEY,
                alert_id INTEGER NOT NULL REFERENCES alert(id),
                author TEXT NOT NULL,
                created_at REAL NOT NULL,
                text TEXT NOT NULL
            );
            CREATE INDEX alert_note_alert ON alert_note(alert_id);

            CREATE TABLE alert_guide_step (
                alert_id INTEGER NOT NULL REFERENCES alert(id),
                step INTEGER NOT NULL,
                PRIMARY KEY (alert_id, step)
            ) WITHOUT ROWID;

            CREATE TABLE exception_item (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                comment TEXT NOT NULL,
                author TEXT NOT NULL,
                created_at REAL NOT NULL,
                expires_at REAL,
                entries TEXT NOT NULL,
                suppressed_events INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID;

            CREATE TABLE audit (
                id INTEGER PRIMARY KEY,
                at REAL NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                detail TEXT NOT NULL
            );

            CREATE TABLE file_checkpoint (
                path TEXT PRIMARY KEY,
                device INTEGER NOT NULL,
                inode INTEGER NOT NULL,
                byte_offset INTEGER NOT NULL,
                line INTEGER NOT NULL
            ) WITHOUT ROWID;
            """)
    }

    /// The alert fields of IDS and firewall threat records (Suricata alerts, PAN-OS THREAT rows):
    /// rule.name, rule.category, event.severity, the threat's name. Existing rows keep NULL: the
    /// records stored before carried none of them.
    private static func addThreatFields(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE event ADD COLUMN rule_name TEXT;
            ALTER TABLE event ADD COLUMN rule_category TEXT;
            ALTER TABLE event ADD COLUMN severity INTEGER;
            ALTER TABLE event ADD COLUMN threat_name TEXT;
            """)
    }

    /// Each internal host with alerts is the analyst's case (issue 13): its state and verdict
    /// (no row: a `new` case nobody changed), the investigation-guide steps ticked on it and its
    /// notes. The per-alert ticks of earlier stores fold into the host's case (a step ticked on
    /// any alert of the host is ticked on the case), and their table goes; alert notes stay.
    /// `alerts_since_resolved` counts the alerts created on the host since it was last resolved
    /// (the executions that create them reopen a resolved case, see `CaseReopener`).
    private static func createCases(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE host_case (
                host BLOB PRIMARY KEY,
                state TEXT NOT NULL,
                verdict TEXT,
                reason TEXT,
                changed_at REAL NOT NULL,
                changed_by TEXT NOT NULL,
                resolved_at REAL,
                reopened_at REAL,
                reopened_verdict TEXT,
                alerts_since_resolved INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID;

            CREATE TABLE case_guide_step (
                host BLOB NOT NULL,
                step INTEGER NOT NULL,
                PRIMARY KEY (host, step)
            ) WITHOUT ROWID;

            CREATE TABLE case_note (
                id INTEGER PRIMARY KEY,
                host BLOB NOT NULL,
                author TEXT NOT NULL,
                created_at REAL NOT NULL,
                text TEXT NOT NULL
            );
            CREATE INDEX case_note_host ON case_note(host, id);

            INSERT OR IGNORE INTO case_guide_step (host, step)
                SELECT a.host, g.step FROM alert_guide_step g JOIN alert a ON a.id = g.alert_id
                WHERE a.host IS NOT NULL;
            DROP TABLE alert_guide_step;
            """)
    }

    /// One connection seen by several sensors (`ConnectionLinker`): the `connection` table, each
    /// event's connection, and what the host ranking reads: whether a destination ever answered,
    /// whether it was new for the host, and per host the unanswered and new destinations and the
    /// bytes sent to new ones. The hosts list's order is a score computed when it is read
    /// (`HostRanking`), so its old index goes.
    private static func addConnections(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE connection (
                id INTEGER PRIMARY KEY,
                community_id TEXT,
                host BLOB,
                first_seen REAL NOT NULL,
                last_seen REAL NOT NULL,
                bytes_sent INTEGER NOT NULL DEFAULT 0,
                bytes_received INTEGER NOT NULL DEFAULT 0,
                packets_sent INTEGER NOT NULL DEFAULT 0,
                packets_received INTEGER NOT NULL DEFAULT 0,
                sensors TEXT,
                events INTEGER NOT NULL DEFAULT 0
            );
            -- Since v12 `community_key` (CommunityKey) and its index replace the text and this index.
            CREATE INDEX connection_community ON connection(community_id, first_seen) WHERE community_id IS NOT NULL;
            ALTER TABLE event ADD COLUMN connection_id INTEGER;
            ALTER TABLE host_destination ADD COLUMN replied INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE host_destination ADD COLUMN is_new INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE host ADD COLUMN unanswered_destinations INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE host ADD COLUMN new_destinations INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE host ADD COLUMN new_destination_bytes INTEGER NOT NULL DEFAULT 0;
            DROP INDEX IF EXISTS host_attention;
            """)
    }
}
