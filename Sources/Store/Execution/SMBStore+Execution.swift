import Detection
import Foundation
import GRDB

extension SMBStore {
    /// Events an execution evaluates per write transaction, so the write lock is held briefly.
    static let executionChunk = 5000

    /// Runs the detector once at `time` (RULE.md "Execution semantics"): evaluates the events
    /// ingested in the rule's look-back window that no execution decided yet, then alerts
    /// pending matches oldest first, at most `maxSignals`; the rest stay pending. Exceptions are
    /// the stored items active at `time`. When everything it could alert fits under the cap,
    /// matches are alerted as they are found instead of passing through pending.
    @discardableResult
    public func runExecution(at time: Date, rule: CompiledRule) throws -> ExecutionRecord {
        let windowStart = try LookbackWindow(rule.rule.from).start(endingAt: time)
        let detector = Detector(rule: rule, exceptions: try activeExceptions(at: time))
        let cap = rule.rule.maxSignals
        var run = try write("running the detector") { db in
            try db.execute(sql: "INSERT INTO execution (ran_at, window_start, window_end) VALUES (?, ?, ?)",
                           arguments: [time.storeSeconds, windowStart.storeSeconds, time.storeSeconds])
            return ExecutionRun(id: db.lastInsertedRowID, ranAt: time, windowStart: windowStart)
        }
        let backlog = try read { db in try Self.candidateCount(db, run: run) }
        let directAlerts = backlog <= cap ? cap : 0
        while try write("running the detector", { db in
            try Self.decide(db, Self.undecidedInWindow(db, run: run), alertingUpTo: directAlerts, run: &run,
                            detector: detector, rule: rule.rule)
        }) {}
        while run.alerted < cap, try write("running the detector", { db in
            try Self.decide(db, Self.oldestPending(db, limit: min(Self.executionChunk, cap - run.alerted)),
                            alertingUpTo: cap, run: &run, detector: detector, rule: rule.rule)
        }) {}
        return try write("running the detector") { db in
            run.pending = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM event WHERE detection = \(DetectionState.pending.rawValue)
                """) ?? 0
            run.capReached = run.alerted >= cap && run.pending > 0
            try run.save(db)
            return run.record
        }
    }

    /// Runs executions at `time` until no match is left pending (what `smbtriage ingest` does
    /// after storing a file); returns their logs, oldest first.
    public func detectUntilNothingPending(at time: Date, rule: CompiledRule) throws -> [ExecutionRecord] {
        var records: [ExecutionRecord] = []
        repeat {
            records.append(try runExecution(at: time, rule: rule))
        } while records.last.map({ $0.pending > 0 && $0.alerted > 0 }) == true
        return records
    }

    // MARK: Steps

    /// Undecided events in the window plus pending ones: at most what the execution can alert.
    private static func candidateCount(_ db: Database, run: ExecutionRun) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM event
                    WHERE detection = \(DetectionState.undecided.rawValue) AND ingested_at BETWEEN ? AND ?)
                 + (SELECT COUNT(*) FROM event WHERE detection = \(DetectionState.pending.rawValue))
            """, arguments: [run.windowStart.storeSeconds, run.ranAt.storeSeconds]) ?? 0
    }

    /// The next chunk of undecided events in the window. Decided events leave the
    /// `event_undecided` index, so each chunk is read from its front.
    private static func undecidedInWindow(_ db: Database, run: ExecutionRun) throws -> [StoredFlow] {
        try StoredFlowQuery.flows(db, sql: """
            SELECT \(EventColumns.selection) FROM event e
            WHERE e.detection = \(DetectionState.undecided.rawValue) AND e.ingested_at BETWEEN ? AND ?
            ORDER BY e.ingested_at, e.id LIMIT ?
            """, arguments: [run.windowStart.storeSeconds, run.ranAt.storeSeconds, executionChunk])
    }

    /// The `limit` oldest pending events.
    private static func oldestPending(_ db: Database, limit: Int) throws -> [StoredFlow] {
        try StoredFlowQuery.flows(db, sql: """
            SELECT \(EventColumns.selection) FROM event e
            WHERE e.detection = \(DetectionState.pending.rawValue) ORDER BY e.seen_at, e.id LIMIT ?
            """, arguments: [limit])
    }

    /// Evaluates `flows` and records each verdict; a match is alerted while the execution has
    /// created fewer than `alertLimit` alerts and is left pending otherwise. False when `flows`
    /// is empty.
    private static func decide(_ db: Database, _ flows: [StoredFlow], alertingUpTo alertLimit: Int,
                               run: inout ExecutionRun, detector: Detector, rule: DetectionRule) throws -> Bool {
        let mark = try db.cachedStatement(sql: "UPDATE event SET detection = ? WHERE id = ?")
        var alerts = AlertWriter(db: db, rule: rule)
        for flow in flows {
            let state: DetectionState
            switch detector.evaluate(flow.event) {
            case .noMatch:
                state = .noMatch
            case .suppressed(let exceptionID):
                run.suppress(exceptionID)
                state = .suppressed
            case .alert where run.alerted < alertLimit:
                if try alerts.alert(flow, executionID: run.id, at: run.ranAt) { run.alerted += 1 }
                state = .alerted
            case .alert:
                state = .pending
            }
            try mark.execute(arguments: [state.rawValue, flow.id])
        }
        try alerts.flushAggregates()
        try run.save(db)
        return !flows.isEmpty
    }
}
