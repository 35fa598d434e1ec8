import Detection
import GRDB

/// A run of events an execution takes from the front of `detection_queue` or `pending_match`,
/// decoded without their origin (the detector and the alerts never read it). Parallel arrays,
/// so the detector evaluates `events` in place.
struct DetectionCandidates {
    /// Where the candidates come from; each is keyed `(time, event_id)` in its table.
    enum Source {
        /// Undecided events ingested in `[start, end]`, keyed by ingest time.
        case window(start: Double, end: Double)
        /// Pending matches, keyed by event time, oldest first.
        case pending
    }

    private(set) var ids: [Int64] = []
    private(set) var seenAt: [Double] = []
    /// Each candidate's connection (`event.connection_id`), which its alert is keyed by.
    private(set) var connectionIDs: [Int64?] = []
    private(set) var events: [NetworkEvent] = []
    /// Each candidate's key time in its table (ingest time in the queue, event time in pending).
    private var keyTimes: [Double] = []

    /// The key of the last candidate: every row of the source up to it was taken.
    var lastKey: (time: Double, eventID: Int64)? {
        guard let time = keyTimes.last, let id = ids.last else { return nil }
        return (time, id)
    }

    var count: Int { ids.count }

    /// The first `limit` candidates of `source`.
    init(_ db: Database, from source: Source, limit: Int) throws {
        var rows: RawStatement
        switch source {
        case .window(let start, let end):
            rows = try RawStatement(db, sql: """
                SELECT q.ingested_at, e.id, e.seen_at, e.connection_id, \(EventColumns.fieldSelection)
                FROM detection_queue q JOIN event e ON e.id = q.event_id
                WHERE q.ingested_at BETWEEN ? AND ? ORDER BY q.ingested_at, q.event_id LIMIT ?
                """)
            rows.bind(start)
            rows.bind(end)
        case .pending:
            rows = try RawStatement(db, sql: """
                SELECT p.seen_at, e.id, e.seen_at, e.connection_id, \(EventColumns.fieldSelection)
                FROM pending_match p JOIN event e ON e.id = p.event_id
                ORDER BY p.seen_at, p.event_id LIMIT ?
                """)
        }
        rows.bind(limit)
        ids.reserveCapacity(limit)
        seenAt.reserveCapacity(limit)
        connectionIDs.reserveCapacity(limit)
        events.reserveCapacity(limit)
        keyTimes.reserveCapacity(limit)
        while try rows.step() {
            let id = rows.int64(1) ?? 0
            ids.append(id)
            seenAt.append(rows.double(2) ?? 0)
            connectionIDs.append(rows.int64(3))
            events.append(EventColumns.event(from: rows, startingAt: 4))
            keyTimes.append(rows.double(0) ?? 0)
        }
    }

    /// Gives back every candidate from `count` on: `remove` then leaves them in their table.
    mutating func keepFirst(_ count: Int) {
        ids.removeSubrange(count...)
        seenAt.removeSubrange(count...)
        connectionIDs.removeSubrange(count...)
        events.removeSubrange(count...)
        keyTimes.removeSubrange(count...)
    }

    /// Removes the candidates taken from `source` (the front of its table, up to `lastKey`).
    func remove(_ db: Database, from source: Source) throws {
        guard let lastKey else { return }
        switch source {
        case .window(let start, _):
            try db.cachedStatement(sql: """
                DELETE FROM detection_queue WHERE ingested_at BETWEEN ? AND ? AND (ingested_at, event_id) <= (?, ?)
                """).execute(arguments: [start, lastKey.time, lastKey.time, lastKey.eventID])
        case .pending:
            try db.cachedStatement(sql: """
                DELETE FROM pending_match WHERE seen_at <= ? AND (seen_at, event_id) <= (?, ?)
                """).execute(arguments: [lastKey.time, lastKey.time, lastKey.eventID])
            try db.cachedStatement(sql: "UPDATE detection_backlog SET pending = pending - ?")
                .execute(arguments: [count])
        }
    }
}
