import Detection
import Foundation
import GRDB
import TriageModel

extension SMBStore {
    /// Events an execution evaluates per write transaction, so the write lock is held briefly.
    static let executionChunk = 5000

    /// Runs the active rule once at `time` (RULE.md "Execution semantics"): evaluates the events
    /// ingested in the rule's look-back window that no execution decided yet (those its query
    /// matched when they were stored, see `CandidateQuery`), then alerts
    /// pending matches oldest first, at most `maxSignals`; the rest stay pending. Exceptions are
    /// the stored items active at `time`. When everything it could alert fits under the cap,
    /// matches are alerted as they are found instead of passing through pending. A `new_terms`
    /// rule alerts once per new source.ip value instead (see `NewTermsScan`).
    @discardableResult
    public func runExecution(at time: Date) throws -> ExecutionRecord {
        let rule = try activeRule()
        let detector = Detector(rule: rule, exceptions: try activeExceptions(at: time))
        return try executions(at: time, rule: rule, detector: detector) { _ in false }[0]
    }

    /// Runs executions at `time` until no match is left pending (what `smbtriage ingest` does
    /// after storing a file); returns their logs, oldest first. Each execution costs what it
    /// evaluates, not what is left pending, and consecutive small executions share a write
    /// transaction (each still logged as its own execution).
    public func detectUntilNothingPending(at time: Date) throws -> [ExecutionRecord] {
        let rule = try activeRule()
        let detector = Detector(rule: rule, exceptions: try activeExceptions(at: time))
        return try executions(at: time, rule: rule, detector: detector) { $0.pending > 0 && $0.alerted > 0 || $0.capReached }
    }

    /// Executions at `time`, one after the other while `continues` says so of the last one, in
    /// write transactions of at most `executionChunk` events each: an execution takes the
    /// window's undecided events, then the oldest pending matches up to the cap. Each log row is
    /// created and saved inside the transactions that do its work.
    private func executions(at time: Date, rule: CompiledRule, detector: Detector,
                            while continues: (ExecutionRecord) -> Bool) throws -> [ExecutionRecord] {
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
                                                                           window: window, rule: rule.rule)
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
                let count = if progress.newTerms != nil {
                    try decideNewTerms(db, progress: &progress, limit: limit, run: &run, detector: detector)
                } else {
                    try decide(db, from: progress.window, limit: limit, alertingUpTo: progress.directAlerts,
                               run: &run, detector: detector)
                }
                progress.isWindowDone = count < limit || progress.newTerms?.isLimitReached == true
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
        run.capReached = run.alerted >= progress.cap && run.pending > 0 || progress.newTerms?.isLimitReached == true
        try run.save(db)
        return taken
    }

    // MARK: Steps

    /// Logs a new execution and decides how its window phase alerts (a new-terms execution
    /// leaves every new value's document pending, so the pending phase alerts the oldest).
    private static func startExecution(_ db: Database, at time: Date, windowStart: Date,
                                       window: DetectionCandidates.Source,
                                       rule: DetectionRule) throws -> (ExecutionRun, ExecutionProgress) {
        try db.cachedStatement(sql: "INSERT INTO execution (ran_at, window_start, window_end) VALUES (?, ?, ?)")
            .execute(arguments: [time.storeSeconds, windowStart.storeSeconds, time.storeSeconds])
        let run = ExecutionRun(id: db.lastInsertedRowID, ranAt: time, windowStart: windowStart)
        let cap = rule.maxSignals
        var progress = ExecutionProgress(window: window, cap: cap)
        if rule.isNewTerms {
            progress.newTerms = try NewTermsScan(rule: rule, at: time, windowStart: windowStart)
        } else {
            progress.directAlerts = try candidateCount(db, window: window) <= cap ? cap : 0
        }
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

    /// The new-terms window phase: takes up to `limit` candidates from the front of the window,
    /// evaluates them, and for each match whose source.ip values this execution has not examined
    /// asks the history whether they are new; the first document carrying a new value is left
    /// pending (the pending phase alerts it), the other matches are known terms. Stops at the
    /// scan's limit of values, leaving the rest in the queue. Returns how many it took.
    private static func decideNewTerms(_ db: Database, progress: inout ExecutionProgress, limit: Int,
                                       run: inout ExecutionRun, detector: Detector) throws -> Int {
        guard var scan = progress.newTerms else { return 0 }
        defer { progress.newTerms = scan }
        var candidates = try DetectionCandidates(db, from: progress.window, limit: limit)
        let verdicts = detector.verdicts(for: candidates.events)
        var history = try NewTermsHistory(db, detector: detector, scan: scan)
        var pending = try PendingMatches(db)
        for (index, verdict) in verdicts.enumerated() {
            switch verdict {
            case .noMatch:
                continue
            case .suppressed(let exceptionID):
                run.suppress(exceptionID)
                continue
            case .alert:
                break
            }
            guard let values = scan.examine(candidates.events[index]) else {
                candidates.keepFirst(index)
                break
            }
            if try values.contains(where: { try !history.hasSeen($0) }) {
                try pending.keep(seenAt: candidates.seenAt[index], eventID: candidates.ids[index])
            } else {
                run.knownTerms += 1
            }
        }
        try candidates.remove(db, from: progress.window)
        try pending.commit()
        return candidates.count
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
        var pending = try PendingMatches(db)
        for (index, verdict) in verdicts.enumerated() {
            switch verdict {
            case .noMatch:
                break
            case .suppressed(let exceptionID):
                run.suppress(exceptionID)
            case .alert where run.alerted < alertLimit:
                if try alerts.alert(eventID: candidates.ids[index], seenAt: candidates.seenAt[index],
                                    connectionID: candidates.connectionIDs[index], event: candidates.events[index],
                                    executionID: run.id, at: run.ranAt) {
                    run.alerted += 1
                }
            case .alert:
                try pending.keep(seenAt: candidates.seenAt[index], eventID: candidates.ids[index])
            }
        }
        try candidates.remove(db, from: source)
        try pending.commit()
        try alerts.flushAggregates(at: run.ranAt)
        return candidates.count
    }
}
