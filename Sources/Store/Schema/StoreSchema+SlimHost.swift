import GRDB

extension StoreSchema {
    /// A slimmer host row whose rank the list walks from its indexes alone (v16). `rank_base` and
    /// `rank_recent` become plain columns, which every write of what they read keeps
    /// (`HostRankingSQL.rankAssignments`): SQLite 3.40 reads a generated column from the table
    /// row, never from an index, so walking to the middle of 100 k hosts looked up every row on
    /// the way. `address_text` goes: searches derive it from `address` (`smbtriage_address`).
    /// The triggers that follow a host's case set its rank with the flag.
    static func slimHost(_ db: Database) throws {
        let resolved = resolvedCaseExists
        try db.execute(sql: """
            DROP TRIGGER host_case_on_insert;
            DROP TRIGGER host_case_on_state;
            DROP TRIGGER host_case_on_delete;
            DROP INDEX host_rank_base;
            DROP INDEX host_rank_recent;
            ALTER TABLE host DROP COLUMN rank_recent;
            ALTER TABLE host DROP COLUMN rank_base;
            ALTER TABLE host DROP COLUMN address_text;
            ALTER TABLE host ADD COLUMN rank_base INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE host ADD COLUMN rank_recent INTEGER NOT NULL DEFAULT 0;
            UPDATE host SET \(HostRankingSQL.rankAssignments());
            CREATE INDEX host_rank_base ON host(rank_base DESC, address, last_seen);
            CREATE INDEX host_rank_recent ON host(rank_recent DESC, address, last_seen);
            \(caseTriggers(setting: "case_resolved = \(resolved), \(HostRankingSQL.rankAssignments(["case_resolved": resolved]))"))
            """)
    }
}
