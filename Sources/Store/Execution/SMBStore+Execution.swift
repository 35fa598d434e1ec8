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
        try execute(at: time, rule: rule, detector: Detector(rule: rule, exceptions: activeExceptions(at: time)))
    }

    /// Runs executions at `time` until no match is left pending (what `smbtriage ingest` does
    /// after storing a file); returns their logs, oldest first. Each execution costs what it
    /// evaluates, not what is left pending.
    public func detectUntilNothingPending(at time: Date, rule: CompiledRule) throws -> [ExecutionRecord] {
        let detector = Detector(rule: rule, exceptions: try activeExceptions(at: time))
        var records: [ExecutionRecord] = []
        repeat {
            records.append(try execute(at: time, rule: rule, detector: detector))
        } while records.last.map({ $0.pending > 0 && $0.alerted > 0 }) == true
        return records
    }

    /// One execution in write transactions of at most `executionChunk` events each: first the
    /// window's undecided events, then the oldest pending matches up to the cap. The log row is
    /// created with the first transaction and saved with every one.
    private func execute(at time: Date, rule: CompiledRule, detector: Detector) throws -> ExecutionRecord {
        let windowStart = try LookbackWindow(rule.rule.from).start(endingAt: time)
        var progress = ExecutionProgress(
            window: .window(start: windowStart.storeSeconds, end: time.storeSeconds), cap: rule.rule.maxSignals)
        var run = try write("running the detector") { db in
            var run = try Self.startExecution(db, at: time, windowStart: windowStart)
            progress.directAlerts = try Self.candidateCount(db, window: progress.window) <= progress.cap
                ? progress.cap : 0
            try Self.advance(db, run: &run, progress: &progress, detector: detector)
            return run
        }
        while !progress.isFinished {
            try write("running the detector") { db in
                try Self.advance(db, run: &run, progress: &progress, detector: detector)
            }
        }
        return run.record
    }

    /// Where an execution stands between its write transactions.
    private struct ExecutionProgress {
        let window: DetectionCandidates.Source
        let cap: Int
        /// How many matches the window phase alerts at once (the cap when every candidate fits
        /// under it, else none: then all go through pending, so the oldest are alerted).
        var directAlerts = 0
        var isWindowDone = false
        var isFinished = false

        init(window: DetectionCandidates.Source, cap: Int) {
            self.window = window
            self.cap = cap
        }
    }

    /// Decides up to `executionChunk` more events of the execution and saves its log.
    private static func advance(_ db: Database, run: inout ExecutionRun, progress: inout ExecutionProgress,
                                detector: Detector) throws {
        var budget = executionChunk
        while budget > 0, !progress.isFinished {
            if !progress.isWindowDone {
                let taken = try decide(db, from: progress.window, limit: budget, alertingUpTo: progress.directAlerts,
                                       run: &run, detector: detector)
                progress.isWindowDone = taken < budget
                budget -= taken
            } else {
                let limit = min(budget, progress.cap - run.alerted)
                let taken = limit > 0
                    ? try decide(db, from: .pending, limit: limit, alertingUpTo: .max, run: &run, detector: detector)
                    : 0
                progress.isFinished = taken < limit || limit <= 0
                budget -= taken
            }
        }
        run.pending = try Int.fetchOne(db, sql: "SELECT pending FROM detection_backlog") ?? 0
        run.capReached = run.alerted >= progress.cap && run.pending > 0
        try run.save(db)
    }

    // MARK: Steps

    private static func startExecution(_ db: Database, at time: Date, windowStart: Date) throws -> ExecutionRun {
        try db.execute(sql: "INSERT INTO execution (ran_at, window_start, window_end) VALUES (?, ?, ?)",
                       arguments: [time.storeSeconds, windowStart.storeSeconds, time.storeSeconds])
        return ExecutionRun(id: db.lastInsertedRowID, ranAt: time, windowStart: windowStart)
    }

    /// Undecided events in the window plus pending ones: at most what the execution can alert.
    private static func candidateCount(_ db: Database, window: DetectionCandidates.Source) throws -> Int {
        guard case .window(let start, let end) = window else { return 0 }
        return try Int.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM detection_queue WHERE ingested_at BETWEEN ? AND ?)
                 + (SELECT pending FROM detection_backlog)
            """, arguments: [start, end]) ?? 0
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
            try db.execute(sql: "UPDATE detection_backlog SET pending = pending + ?", arguments: [newlyPending])
        }
        try alerts.flushAggregates()
        return candidates.count
    }
}
