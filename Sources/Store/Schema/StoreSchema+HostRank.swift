import GRDB
import TriageModel

extension StoreSchema {
    /// The hosts list's order as an index walk (v9): `host.rank_base`, the time-independent part
    /// of `HostRanking.rank`, is a STORED generated column over the host's own counts and
    /// `host.case_resolved`, so every write path keeps it in the same row write and no trigger
    /// fires on ingest. `host.case_resolved` follows the host's case through triggers on
    /// `host_case` (rare writes; a case exists only for a host row, and host rows are never
    /// deleted). `host.rank_recent` (generated) adds the recency a host has as of its own last
    /// activity. `RankedHostWalk` merges the two indexes: hosts inside the recency horizon by
    /// `rank_recent`, the others by `rank_base`. `host_last_seen` finds the newest activity the
    /// recency is measured from (and serves the last-seen order). The function `rank_base` calls is
    /// registered on every connection the store opens.
    static func addHostRank(_ db: Database) throws {
        try rebuildHost(db, adding: """
            case_resolved INTEGER NOT NULL DEFAULT 0,
            rank_base INTEGER GENERATED ALWAYS AS (\(HostRankingSQL.generatedRankBase)) STORED,
            rank_recent INTEGER GENERATED ALWAYS AS (\(HostRankingSQL.generatedRankRecent)) VIRTUAL
            """)
        let assignment = "case_resolved = \(resolvedCaseExists)"
        try db.execute(sql: """
            UPDATE host SET \(assignment);
            CREATE INDEX host_rank_base ON host(rank_base DESC, address, last_seen);
            CREATE INDEX host_rank_recent ON host(rank_recent DESC, address, last_seen);
            CREATE INDEX host_last_seen ON host(last_seen DESC, address);
            \(caseTriggers(setting: assignment))
            """)
    }

    /// The triggers that set `assignments` on a host's row when its case is created, changes
    /// state or goes.
    static func caseTriggers(setting assignments: String) -> String {
        """
        CREATE TRIGGER host_case_on_insert AFTER INSERT ON host_case BEGIN
            UPDATE host SET \(assignments) WHERE address = NEW.host;
        END;
        CREATE TRIGGER host_case_on_state AFTER UPDATE OF state, host ON host_case BEGIN
            UPDATE host SET \(assignments) WHERE address IN (OLD.host, NEW.host);
        END;
        CREATE TRIGGER host_case_on_delete AFTER DELETE ON host_case BEGIN
            UPDATE host SET \(assignments) WHERE address = OLD.host;
        END;
        """
    }

    /// Whether the case of the `host` row being updated is resolved.
    static let resolvedCaseExists = """
        EXISTS (SELECT 1 FROM host_case c WHERE c.host = host.address AND c.state = '\(CaseState.resolved.rawValue)')
        """

    /// Recreates `host` with `columns` appended to its definition and its rows copied over (SQLite
    /// adds a STORED generated column only to a new table). `host` has no index or trigger yet.
    private static func rebuildHost(_ db: Database, adding columns: String) throws {
        guard let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'host'"),
              let prefix = definition.range(of: "host"), let end = definition.range(of: ")", options: .backwards)
        else { throw DatabaseError(message: "the host table has no definition to extend") }
        let rebuilt = definition[..<prefix.lowerBound] + "host_rebuilt" + definition[prefix.upperBound..<end.lowerBound]
            + ",\n" + columns + definition[end.lowerBound...]
        let copied = try db.columns(in: "host").map(\.name).joined(separator: ", ")
        try db.execute(sql: """
            \(rebuilt);
            INSERT INTO host_rebuilt (\(copied)) SELECT \(copied) FROM host;
            DROP TABLE host;
            ALTER TABLE host_rebuilt RENAME TO host;
            """)
    }
}
