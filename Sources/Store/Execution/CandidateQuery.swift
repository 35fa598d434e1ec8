import GRDB

/// The query that chose the events in `detection_queue`, recorded in `candidate_query` so no
/// execution trusts a queue another query filled: the queue holds only what its query matched
/// when the events were stored. After the query changes (a new rule version), the first
/// execution queues again every event of its look-back window that is neither alerted nor
/// pending, as Elastic's first execution after a rule update looks back over its window with
/// the new query.
enum CandidateQuery {
    /// Records `query` when none is recorded yet (a new store, or one from before v3 whose queue
    /// took every event, a superset of any query's matches).
    static func adopt(_ db: Database, query: String) throws {
        try db.execute(sql: "UPDATE candidate_query SET query = ? WHERE query IS NULL", arguments: [query])
    }

    /// Makes the queue `query`'s: when another query is recorded, queues the events ingested at
    /// or after `windowStart` that no alert or pending match holds; then records `query`.
    static func reconcile(_ db: Database, query: String, windowStart: Double) throws {
        let recorded: String? = try Row.fetchOne(db, sql: "SELECT query FROM candidate_query")?["query"]
        if let recorded, recorded != query {
            try db.execute(sql: """
                INSERT OR IGNORE INTO detection_queue (ingested_at, event_id)
                SELECT e.ingested_at, e.id FROM event e
                WHERE e.ingested_at >= ?
                  AND NOT EXISTS (SELECT 1 FROM alert a WHERE a.event_id = e.id)
                  AND e.id NOT IN (SELECT event_id FROM pending_match)
                """, arguments: [windowStart])
        }
        try db.execute(sql: "UPDATE candidate_query SET query = ?", arguments: [query])
    }
}
