import GRDB

extension StoreSchema {
    /// The hosts list's order as an index walk (v9): `host.rank_base`, the time-independent part
    /// of `HostRanking.rank`, kept by triggers on every write to a count it reads and on every
    /// change of the host's case; `host.rank_recent` (generated) adds the recency a host has as
    /// of its own last activity. `RankedHostWalk` merges the two indexes: hosts inside the recency
    /// horizon by `rank_recent`, the others by `rank_base`. `host_last_seen` finds the newest
    /// activity the recency is measured from (and serves the last-seen order). The function the
    /// triggers call is registered on every connection the store opens.
    static func addHostRank(_ db: Database) throws {
        let recompute = "UPDATE host SET rank_base = \(HostRankingSQL.rankBase)"
        try db.execute(sql: """
            ALTER TABLE host ADD COLUMN rank_base INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE host ADD COLUMN rank_recent INTEGER GENERATED ALWAYS AS (\(HostRankingSQL.rankRecent)) VIRTUAL;
            \(recompute);
            CREATE INDEX host_rank_base ON host(rank_base DESC, address, last_seen);
            CREATE INDEX host_rank_recent ON host(rank_recent DESC, address, last_seen);
            CREATE INDEX host_last_seen ON host(last_seen DESC, address);
            CREATE TRIGGER host_rank_on_insert AFTER INSERT ON host BEGIN
                \(recompute) WHERE address = NEW.address;
            END;
            CREATE TRIGGER host_rank_on_count AFTER UPDATE OF \(HostRankingSQL.countColumns.joined(separator: ", ")) ON host BEGIN
                \(recompute) WHERE address = NEW.address;
            END;
            CREATE TRIGGER host_rank_on_case_insert AFTER INSERT ON host_case BEGIN
                \(recompute) WHERE address = NEW.host;
            END;
            CREATE TRIGGER host_rank_on_case_state AFTER UPDATE OF state, host ON host_case BEGIN
                \(recompute) WHERE address IN (OLD.host, NEW.host);
            END;
            CREATE TRIGGER host_rank_on_case_delete AFTER DELETE ON host_case BEGIN
                \(recompute) WHERE address = OLD.host;
            END;
            """)
    }
}
