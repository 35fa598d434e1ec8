import Detection
import GRDB

/// Answers "was this `source.ip` value seen before?" for a new-terms execution, from the events
/// table (which keeps every SMB flow; the detection queue only holds undecided candidates):
/// - a document in the history window [historyStart, windowStart) on ingest time that the
///   detector (query and active exceptions) matches and that carries the value, found through
///   `event_source_ingested` (source.ip, ingested_at), and through `event_source_array_ingested`
///   for the rare events whose source.ip is an array (any of its values may be the one);
/// - or a document in the look-back window [windowStart, end] that an earlier execution alerted
///   or left pending: windows overlap (9 minutes every 5), and an earlier execution at the same
///   time may have stopped at its limit of values, so a value decided there is not new again.
struct NewTermsHistory {
    private let detector: Detector
    private let scan: NewTermsScan
    private var byHost: RawStatement
    private var arrays: RawStatement
    private var decidedByHost: RawStatement
    private var decidedArrays: RawStatement

    init(_ db: Database, detector: Detector, scan: NewTermsScan) throws {
        self.detector = detector
        self.scan = scan
        let fields = EventColumns.fieldSelection
        let decided = """
            AND (EXISTS (SELECT 1 FROM alert a WHERE a.event_id = e.id)
                 OR EXISTS (SELECT 1 FROM pending_match p WHERE p.seen_at = e.seen_at AND p.event_id = e.id))
            """
        byHost = try RawStatement(db, sql: """
            SELECT \(fields) FROM event e INDEXED BY event_source_ingested
            WHERE e.source_ip = ? AND e.ingested_at >= ? AND e.ingested_at < ? ORDER BY e.ingested_at DESC
            """)
        arrays = try RawStatement(db, sql: """
            SELECT \(fields) FROM event e INDEXED BY event_source_array_ingested
            WHERE e.source_ips IS NOT NULL AND e.ingested_at >= ? AND e.ingested_at < ?
            """)
        decidedByHost = try RawStatement(db, sql: """
            SELECT \(fields) FROM event e INDEXED BY event_source_ingested
            WHERE e.source_ip = ? AND e.ingested_at BETWEEN ? AND ? \(decided)
            """)
        decidedArrays = try RawStatement(db, sql: """
            SELECT \(fields) FROM event e INDEXED BY event_source_array_ingested
            WHERE e.source_ips IS NOT NULL AND e.ingested_at BETWEEN ? AND ? \(decided)
            """)
    }

    /// True when `value` was seen before the execution's window, or decided inside it earlier.
    mutating func hasSeen(_ value: IPAddress) throws -> Bool {
        let matches = { [detector] (event: NetworkEvent) in
            event.sourceIPs.contains(value) && detector.evaluate(event) == .alert
        }
        let carries = { (event: NetworkEvent) in event.sourceIPs.contains(value) }
        let history = (scan.historyStart, scan.windowStart)
        let window = (scan.windowStart, scan.end)
        return try Self.any(&byHost, value, history, matches) || Self.any(&arrays, nil, history, matches)
            || Self.any(&decidedByHost, value, window, carries) || Self.any(&decidedArrays, nil, window, carries)
    }

    /// Binds `host` (when the statement takes one) and `range`, then tells whether a row
    /// satisfies `condition` (stops at the first; the statement is reset either way).
    private static func any(_ statement: inout RawStatement, _ host: IPAddress?, _ range: (Double, Double),
                            _ condition: (NetworkEvent) -> Bool) throws -> Bool {
        if let host { statement.bind(host) }
        statement.bind(range.0)
        statement.bind(range.1)
        defer { statement.reset() }
        while try statement.step() {
            if condition(EventColumns.event(from: statement, startingAt: 0)) { return true }
        }
        return false
    }
}
