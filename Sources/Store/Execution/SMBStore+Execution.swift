import Detection
import Foundation
import GRDB

extension SMBStore {
    /// Events an execution evaluates per write transaction, so the write lock is held briefly.
    static let executionChunk = 5000

    /// Runs the detector once at `time` (RULE.md "Execution semantics"): evaluates the events
    /// ingested in the rule's look-back window that no execution decided yet, then alerts
    /// pending matches oldest first, at most `maxSignals`; the rest stay pending. Exceptions are
    /// the stored items active at `time`.
    @discardableResult
    public func runExecution(at time: Date, rule: CompiledRule) throws -> ExecutionRecord {
        let windowStart = try LookbackWindow(rule.rule.from).start(endingAt: time)
        let detector = Detector(rule: rule, exceptions: try activeExceptions(at: time))
        var run = try write("running the detector") { db in
            try db.execute(sql: "INSERT INTO execution (ran_at, window_start, window_end) VALUES (?, ?, ?)",
                           arguments: [time.storeSeconds, windowStart.storeSeconds, time.storeSeconds])
            return ExecutionRun(id: db.lastInsertedRowID, ranAt: time, windowStart: windowStart)
        }
        while try write("running the detector", { db in
            try Self.decideUndecided(db, run: &run, detector: detector)
        }) {}
        let cap = rule.rule.maxSignals
        while run.alerted < cap, try write("running the detector", { db in
            try Self.alertPending(db, limit: min(Self.executionChunk, cap - run.alerted), run: &run,
                                  detector: detector, rule: rule.rule)
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

    /// Decides one chunk of undecided events in the window (matches become pending; decided
    /// events leave the `event_undecided` index, so each chunk starts at its front); false when
    /// none were left.
    private static func decideUndecided(_ db: Database, run: inout ExecutionRun, detector: Detector) throws -> Bool {
        let flows = try StoredFlowQuery.flows(db, sql: """
            SELECT \(EventColumns.selection) FROM event e
            WHERE e.detection = \(DetectionState.undecided.rawValue) AND e.ingested_at BETWEEN ? AND ?
            ORDER BY e.ingested_at, e.id LIMIT ?
            """, arguments: [run.windowStart.storeSeconds, run.ranAt.storeSeconds, executionChunk])
        let mark = try db.cachedStatement(sql: "UPDATE event SET detection = ? WHERE id = ?")
        for flow in flows {
            let state: DetectionState
            switch detector.evaluate(flow.event) {
            case .noMatch: state = .noMatch
            case .alert: state = .pending
            case .suppressed(let exceptionID):
                run.suppress(exceptionID)
                state = .suppressed
            }
            try mark.execute(arguments: [state.rawValue, flow.id])
        }
        try run.save(db)
        return !flows.isEmpty
    }

    /// Alerts up to `limit` pending events, oldest first; false when none were pending.
    private static func alertPending(_ db: Database, limit: Int, run: inout ExecutionRun, detector: Detector,
                                     rule: DetectionRule) throws -> Bool {
        let flows = try StoredFlowQuery.flows(db, sql: """
            SELECT \(EventColumns.selection) FROM event e
            WHERE e.detection = \(DetectionState.pending.rawValue) ORDER BY e.seen_at, e.id LIMIT ?
            """, arguments: [limit])
        let mark = try db.cachedStatement(sql: "UPDATE event SET detection = ? WHERE id = ?")
        let insert = try db.cachedStatement(sql: """
            INSERT INTO alert (uuid, event_id, execution_id, host, destination, seen_at, status, created_at,
                               updated_at, rule_id, rule_name, severity, risk_score, reason)
            VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(event_id) DO NOTHING
            """)
        var newAlerts: [AddressPair: Int] = [:]
        for flow in flows {
            let event = flow.event
            switch detector.evaluate(event) {
            case .noMatch:
                try mark.execute(arguments: [DetectionState.noMatch.rawValue, flow.id])
            case .suppressed(let exceptionID):
                run.suppress(exceptionID)
                try mark.execute(arguments: [DetectionState.suppressed.rawValue, flow.id])
            case .alert:
                let host = event.sourceIPs.first
                let destination = event.destinationIPs.first
                let seenAt = event.timestamp ?? event.start ?? event.end ?? flow.ingestedAt
                try insert.execute(arguments: [
                    UUID().uuidString.lowercased(), flow.id, run.id, host?.storeBlob, destination?.storeBlob,
                    seenAt.storeSeconds, run.ranAt.storeSeconds, run.ranAt.storeSeconds, rule.ruleID, rule.name,
                    rule.severity, rule.riskScore, AlertReason.text(for: event, rule: rule),
                ])
                if db.changesCount > 0 {
                    run.alerted += 1
                    if let host, let destination {
                        newAlerts[AddressPair(host: host, destination: destination), default: 0] += 1
                    }
                }
                try mark.execute(arguments: [DetectionState.alerted.rawValue, flow.id])
            }
        }
        for (pair, count) in newAlerts {
            try AlertCounts.addOpen(db, host: pair.host.storeBlob, destination: pair.destination.storeBlob,
                                    count: count, risk: rule.riskScore)
        }
        try run.save(db)
        return !flows.isEmpty
    }
}
