import Detection
import Foundation
import GRDB
import TriageModel

/// Reopens resolved cases, visibly, when an execution creates alerts on their hosts: the case
/// goes back to `CaseState.reopened`, keeps the verdict it had as the reopening's, and counts
/// the alerts created since it was resolved ("reopened: 12 new alerts since resolved") until it
/// is resolved again. Runs inside the execution's write transaction (`AlertWriter`), so no alert
/// on a resolved host is ever stored without its case noticing.
enum CaseReopener {
    /// Records `count` new alerts on `host`, created by an execution at `time`; audits a
    /// reopening as `case.reopen` by `actor`.
    static func record(_ db: Database, newAlerts count: Int, on host: IPAddress, at time: Date) throws {
        let select = try db.cachedStatement(sql: """
            SELECT state, verdict FROM host_case WHERE host = ? AND (state = ? OR reopened_at IS NOT NULL)
            """)
        guard let row = try Row.fetchOne(select, arguments: [host.storeBlob, CaseState.resolved.rawValue]) else {
            return
        }
        let update = try db.cachedStatement(sql: """
            UPDATE host_case SET
                alerts_since_resolved = alerts_since_resolved + ?2,
                reopened_at = coalesce(reopened_at, ?3),
                reopened_verdict = coalesce(reopened_verdict, verdict),
                verdict = NULL,
                state = CASE state WHEN ?4 THEN ?5 ELSE state END
            WHERE host = ?1
            """)
        try update.execute(arguments: [host.storeBlob, count, time.storeSeconds, CaseState.resolved.rawValue,
                                       CaseState.reopened.rawValue])
        let state: String = row[0]
        guard state == CaseState.resolved.rawValue else { return }
        let verdict = (row[1] as String?).flatMap(CaseVerdict.init(rawValue:)).map { " (\($0))" } ?? ""
        try AuditLog.record(db, at: time, actor: actor, action: "case.reopen", target: "\(host)",
                            detail: "\(state)\(verdict) → \(CaseState.reopened.rawValue): new alerts since resolved")
    }

    /// Who the audit log names for a reopening: the detector, not an analyst.
    static let actor = "smbtriage"
}
