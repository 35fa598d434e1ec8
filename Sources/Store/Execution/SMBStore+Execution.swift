import Detection
import Foundation
import GRDB

extension SMBStore {
    /// Events an execution evaluates per write transaction, so the write lock is held briefly.
    static let executionChunk = 5000

    /// Runs the detector once at `time` (RULE.md "Execution semantics"): evaluates the events
    /// ingested in the rule's look-back window that no execution decided yet (those its query
    /// matched when they were stored, see `CandidateQuery`: `rule` must have
    /// `classificationRule`'s query), then alerts
    /// pending matches oldest first, at most `maxSignals`; the rest stay pending. Exceptions are
    /// the stored items active at `time`. When everything it could alert fits under the cap,
    /// matches are alerted as they are found instead of passing through pending.
    @discardableResult
    public func runExecution(at time: Date, rule: CompiledRule) throws -> ExecutionRecord {
        let detector = Detector(rule: rule, exceptions: try activeExceptions(at: time))
        return try executions(at: time, rule: rule, detector: detector) { _ in false }[0]
    }

    /// Runs executions at `time` until no match is left pending (what `smbtriage ingest` does
    /// after storing a file); returns their logs, oldest first. Each execution costs what it
    /// evaluates, not what is left pending, and consecutive small executions share a write
    /// transaction (each still logged as its own execution).
    public func detectUntilNothingPending(at time: Date, rule: CompiledRule) throws -> [ExecutionRecord] {
        let detector = Detector(rule: rule, exceptions: try activeExceptions(at: time))
        return try executions(at: time, rule: rule, detector: detector) { $0.pending > 0 && $0.alerted > 0 }
    }

    /// Executions at `time`, one after the other while `continues` says so of the last one, in
    /// write transactions of at most `executionChunk` events each: an execution takes the
    /// window's undecided events, then the oldest pending matches up to the cap. Each log row is
    /// created and saved inside the transactions that do its work.
    private func executions(at time: Date, rule: CompiledRule, detector: Detector,
                            while continues: (ExecutionRecord) -> Bool) throws -> [ExecutionRecord] {
        guard rule.rule.query == classificationRule.rule.query else { throw StoreError.queryMismatch(path: path) }
        let windowStart = try LookbackWindow(rule.rule.from).start(endingAt: time)
        try write("running the detector") { db in
            try CandidateQuery.reconcile(db, query: rule.rule.query, windowStart: windowStart.storeSeconds)
        }
        let window = DetectionCandidates.Source.window(start: windowStart.storeSeconds, end: time.storeSeconds)
        var records: [ExecutionRecord] = []
        var current: (run: ExecutionRun, progress: ExecutionProgress)?
        var isDone = false
        while !isDone {
            try write("running the detector") { db in
                var budget = Self.executionChunk
                while budget > 0, !isDone {
                    var (run, progress) = try current ?? Self.startExecution(db, at: time, windowStart: windowStart,
                                                                           window: window, cap: rule.rule.maxSignals)
                    budget -= try Self.advance(db, run: &run, progress: &progress, budget: budget, detector: detector)
                    current = (run, progress)
                    guard progress.isFinished else { continue }
                    records.append(run.record)
                    current = nil
                    isDone = !continues(run.record)
                }
            }
        }
        return records
    }

    /// Decides up to `budget` more events of the execution and saves its log; returns how many
    /// it decided.
    private static func advance(_ db: Database, run: inout ExecutionRun, progress: inout ExecutionProgress,
                                budget: Int, detector: Detector) throws -> Int {
        var taken = 0
        while taken < budget, !progress.isFinished {
            if !progress.isWindowDone {
                let limit = budget - taken
                let count = try decide(db, from: progress.window, limit: limit, alertingUpTo: progress.directAlerts,
                                       run: &run, detector: detector)
                progress.isWindowDone = count < limit
                taken += count
            } else {
                let limit = min(budget - taken, progress.cap - run.alerted)
                let count = limit > 0
                    ? try decide(db, from: .pending, limit: limit, alertingUpTo: .max, run: &run, detector: detector)
                    : 0
                progress.isFinished = count < limit || limit <= 0
                taken += count
            }
        }
        run.pending = try Int.fetchOne(db.cachedStatement(sql: "SELECT pending FROM detection_backlog")) ?? 0
        run.capReached = run.alerted >= progress.cap && run.pending > 0
        try run.save(db)
        return taken
    }

    // MARK: Steps

    /// Logs a new execution and decides how its window phase alerts.
    private static func startExecution(_ db: Database, at time: Date, windowStart: Date,
                                       window: DetectionCandidates.Source,
                                       cap: Int) throws -> (ExecutionRun, ExecutionProgress) {
        try db.cachedStatement(sql: "INSERT INTO execution (ran_at, window_start, window_end) VALUES (?, ?, ?)")
            .execute(arguments: [time.storeSeconds, windowStart.storeSeconds, time.storeSeconds])
        let run = ExecutionRun(id: db.lastInsertedRowID, ranAt: time, windowStart: windowStart)
        var progress = ExecutionProgress(window: window, cap: cap)
        progress.directAlerts = try candidateCount(db, window: window) <= cap ? cap : 0
        return (run, progress)
    }

    /// Undecided events in the window plus pending ones: at most what the execution can alert.
    private static func candidateCount(_ db: Database, window: DetectionCandidates.Source) throws -> Int {
        guard case .window(let start, let end) = window else { return 0 }
        return try Int.fetchOne(db.cachedStatement(sql: """
            SELECT (SELECT COUNT(*) FROM detection_queue WHERE ingested_at BETWEEN ? AND ?)
                 + (SELECT pending FROM detection_backlog)
            """), arguments: [start, end]) ?? 0
    }

    /// Takes up to `limit` candidates from the front of `source`, evaluates them and records
    /// each verdict: a match is alerted while the execution has created fewer than `alertLimit`
    /// alerts and is left pending otherwise. Returns how many it took.
    private static func decide(_ db: Database, from source: DetectionCandidates.Source, limit: Int,
                               alertingUpTo alertLimit: Int, run: inout ExecutionRun,
                               detector: Detector) throws -> Int {
        let candidates = try DetectionCandidates(db, from: source, limit: limit)
        let verdicts = detector.verdicts(for: candidates.events)
        var alerts = try AlertWriter(db: db, rule: detector.rule.rule)
        let keepPending = try db.cachedStatement(sql: "INSERT INTO pending_match (seen_at, event_id) VALUES (?, ?)")
        var newlyPending = 0
        for (index, verdict) in verdicts.enumerated() {
            switch verdict {
            case .noMatch:
                break
            case .suppressed(let exceptionID):
                run.suppress(exceptionID)
            case .alert where run.alerted < alertLimit:
                if try alerts.alert(eventID: candidates.ids[index], seenAt: candidates.seenAt[index],
                                    event: candidates.events[index], executionID: run.id, at: run.ranAt) {
                    run.alerted += 1
                }
            case .alert:
                try keepPending.execute(arguments: [candidates.seenAt[index], candidates.ids[index]])
                newlyPending += 1
            }
        }
        try candidates.remove(db, from: source)
        if newlyPending > 0 {
            try db.cachedStatement(sql: "UPDATE detection_backlog SET pending = pending + ?")
                .execute(arguments: [newlyPending])
        }
        try alerts.flushAggregates()
        return candidates.count
    }
}
