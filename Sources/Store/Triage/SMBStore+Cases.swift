import Detection
import Foundation
import GRDB
import TriageModel

extension SMBStore {
    /// The case of `host`, with its checklist, notes and alert counts; nil when the host is no
    /// case (the store knows no such host, or holds no alert of it). A host whose case nobody
    /// changed is `new`.
    public func hostCase(_ host: IPAddress) throws -> HostCase? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT h.host_name, h.open_alerts, h.acknowledged_alerts, h.closed_alerts,
                       c.state, c.verdict, c.reason, c.changed_at, c.changed_by, c.resolved_at,
                       c.reopened_at, c.reopened_verdict, c.alerts_since_resolved,
                       (SELECT COUNT(*) FROM alert a JOIN alert_note n ON n.alert_id = a.id WHERE a.host = h.address)
                FROM host h LEFT JOIN host_case c ON c.host = h.address
                WHERE h.address = ? AND \(Self.isCase)
                """, arguments: [host.storeBlob]) else { return nil }
            let steps = try Int.fetchAll(db, sql: "SELECT step FROM case_guide_step WHERE host = ?",
                                         arguments: [host.storeBlob])
            let notes = try Row.fetchAll(db, sql: """
                SELECT id, author, created_at, text FROM case_note WHERE host = ? ORDER BY id
                """, arguments: [host.storeBlob]).map { note in
                CaseNote(id: note[0], host: host, author: note[1], createdAt: Date(storeSeconds: note[2]), text: note[3])
            }
            var reopening: CaseReopening?
            if let reopenedAt = row[10] as Double?, let verdict = (row[11] as String?).flatMap(CaseVerdict.init(rawValue:)) {
                reopening = CaseReopening(at: Date(storeSeconds: reopenedAt), previousVerdict: verdict, newAlerts: row[12])
            }
            return HostCase(
                host: host, hostName: row[0], state: (row[4] as String?).flatMap(CaseState.init(rawValue:)) ?? .new,
                verdict: (row[5] as String?).flatMap(CaseVerdict.init(rawValue:)), reason: row[6],
                changedAt: (row[7] as Double?).map(Date.init(storeSeconds:)), changedBy: row[8],
                resolvedAt: (row[9] as Double?).map(Date.init(storeSeconds:)), reopening: reopening,
                checkedGuideSteps: Set(steps), notes: notes, openAlerts: row[1], acknowledgedAlerts: row[2],
                closedAlerts: row[3], alertNotes: row[13])
        }
    }

    /// Moves the case of `host` to `state` as the case life cycle allows (`CaseTransition`).
    /// Resolving needs a verdict and closes the host's open and acknowledged alerts with it as
    /// the close reason; leaving `resolved` clears the verdict. Audited as `case.state`.
    @discardableResult
    public func setCaseState(of host: IPAddress, to state: CaseState, verdict: CaseVerdict?, reason: String?,
                             actor: String) throws -> CaseChange {
        try write("changing a case") { db in
            let now = Date()
            let current = try Self.caseState(db, of: host)
            let transition = try CaseTransition(from: current, to: state, verdict: verdict)
            try db.execute(sql: """
                INSERT INTO host_case (host, state, verdict, reason, changed_at, changed_by, resolved_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?3 IS NOT NULL THEN ?5 END)
                ON CONFLICT (host) DO UPDATE SET
                    state = ?2, verdict = ?3, reason = ?4, changed_at = ?5, changed_by = ?6,
                    resolved_at = coalesce(excluded.resolved_at, resolved_at),
                    reopened_at = CASE WHEN ?3 IS NULL THEN reopened_at END,
                    reopened_verdict = CASE WHEN ?3 IS NULL THEN reopened_verdict END,
                    alerts_since_resolved = CASE WHEN ?3 IS NULL THEN alerts_since_resolved ELSE 0 END
                """, arguments: [host.storeBlob, state.rawValue, verdict?.rawValue, reason, now.storeSeconds, actor])
            let verdictText = verdict.map { " (\($0))" } ?? ""
            try AuditLog.record(db, at: now, actor: actor, action: "case.state", target: "\(host)",
                                detail: "\(current.rawValue) → \(state.rawValue)\(verdictText)" + (reason.map { ": \($0)" } ?? ""))
            guard let verdict else { return CaseChange(transition: transition, closedAlertIDs: []) }
            let unresolved = try Int64.fetchAll(db, sql: """
                SELECT id FROM alert WHERE host = ? AND status IN (?, ?) ORDER BY id
                """, arguments: [host.storeBlob, AlertStatus.open.rawValue, AlertStatus.acknowledged.rawValue])
            let closed = try Self.changeStatus(db, of: unresolved, to: .closed, reason: verdict.description,
                                               actor: actor, at: now)
            return CaseChange(transition: transition, closedAlertIDs: closed)
        }
    }

    /// Ticks (or clears) investigation-guide step `step` (0-based) on the case of `host`.
    /// Audited as `case.check` / `case.uncheck` when it changed anything.
    public func setCaseGuideStep(of host: IPAddress, step: Int, checked: Bool, actor: String) throws {
        try write("ticking a guide step") { db in
            _ = try Self.caseState(db, of: host)
            try Self.setCaseGuideStep(db, of: host, step: step, checked: checked, actor: actor)
        }
    }

    /// Adds an analyst's note to the case of `host`; audited as `case.note`.
    @discardableResult
    public func addCaseNote(to host: IPAddress, text: String, actor: String) throws -> CaseNote {
        try write("adding a note") { db in
            _ = try Self.caseState(db, of: host)
            let now = Date()
            try db.execute(sql: "INSERT INTO case_note (host, author, created_at, text) VALUES (?, ?, ?, ?)",
                           arguments: [host.storeBlob, actor, now.storeSeconds, text])
            let note = CaseNote(id: db.lastInsertedRowID, host: host, author: actor, createdAt: now, text: text)
            try AuditLog.record(db, at: now, actor: actor, action: "case.note", target: "\(host)", detail: text)
            return note
        }
    }

    // MARK: Shared with the per-alert checklist

    static func setCaseGuideStep(_ db: Database, of host: IPAddress, step: Int, checked: Bool,
                                 actor: String) throws {
        if checked {
            try db.execute(sql: "INSERT OR IGNORE INTO case_guide_step (host, step) VALUES (?, ?)",
                           arguments: [host.storeBlob, step])
        } else {
            try db.execute(sql: "DELETE FROM case_guide_step WHERE host = ? AND step = ?",
                           arguments: [host.storeBlob, step])
        }
        guard db.changesCount > 0 else { return }
        try AuditLog.record(db, at: Date(), actor: actor, action: checked ? "case.check" : "case.uncheck",
                            target: "\(host)", detail: "step \(step + 1)")
    }

    /// The state of the case of `host`.
    /// - Throws: `StoreError.notFound` when the host has no case (it is unknown or has no alerts).
    private static func caseState(_ db: Database, of host: IPAddress) throws -> CaseState {
        let row = try Row.fetchOne(db, sql: """
            SELECT \(caseProgressColumns) FROM host h LEFT JOIN host_case c ON c.host = h.address WHERE h.address = ?
            """, arguments: [host.storeBlob])
        guard let progress = row.flatMap({ caseProgress($0, startingAt: 0) }) else {
            throw StoreError.notFound("case for host \(host) (a case is a host with alerts)")
        }
        return progress.state
    }

    // MARK: Rows

    /// Whether the host (alias `h`, its case `c`) is a case: it has alerts, or once had and was
    /// triaged.
    static let isCase = "(h.open_alerts + h.acknowledged_alerts + h.closed_alerts > 0 OR c.host IS NOT NULL)"

    /// The columns `caseProgress` reads, of a host (alias `h`) and its case (alias `c`).
    static let caseProgressColumns = """
        \(isCase), c.state, c.verdict, c.reopened_at IS NOT NULL, c.alerts_since_resolved,
        (SELECT COUNT(*) FROM case_guide_step s WHERE s.host = h.address)
        """

    /// The case of a host row from `caseProgressColumns` at `index`; nil when the host is none.
    static func caseProgress(_ row: Row, startingAt index: Int) -> CaseProgress? {
        guard row[index] as Bool else { return nil }
        return CaseProgress(state: (row[index + 1] as String?).flatMap(CaseState.init(rawValue:)) ?? .new,
                            verdict: (row[index + 2] as String?).flatMap(CaseVerdict.init(rawValue:)),
                            checkedGuideSteps: row[index + 5],
                            reopenedBy: (row[index + 3] as Bool?) == true ? row[index + 4] : nil)
    }
}
