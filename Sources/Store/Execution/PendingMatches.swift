import GRDB

/// Leaves matches in `pending_match` for a later execution, and adds how many to
/// `detection_backlog` when `commit` is called, inside the caller's write transaction.
struct PendingMatches {
    private let db: Database
    private let insert: Statement
    private var count = 0

    init(_ db: Database) throws {
        self.db = db
        insert = try db.cachedStatement(sql: "INSERT INTO pending_match (seen_at, event_id) VALUES (?, ?)")
    }

    mutating func keep(seenAt: Double, eventID: Int64) throws {
        try insert.execute(arguments: [seenAt, eventID])
        count += 1
    }

    /// Counts the matches kept so far in the backlog.
    mutating func commit() throws {
        guard count > 0 else { return }
        try db.cachedStatement(sql: "UPDATE detection_backlog SET pending = pending + ?").execute(arguments: [count])
        count = 0
    }
}
