import Detection
import Foundation
import GRDB
import TriageModel

extension SMBStore {
    @discardableResult
    public func setStatus(_ status: AlertStatus, named: [Int64], comingAlong: [Int64], reason: String?,
                          actor: String) throws -> AlertStatusChange {
        try write("changing alert status") { db in
            let change = AlertStatusChange(to: status, alerts: try Self.statuses(db, of: named + comingAlong), named: Set(named))
            _ = try Self.changeStatus(db, of: change.written, to: status, reason: reason, actor: actor, at: Date())
            return change
        }
    }

    /// Each of `ids`' status as stored now; unknown ids, and a status this build does not know, are left out.
    private static func statuses(_ db: Database, of ids: [Int64]) throws -> [Int64: AlertStatus] {
        let lookup = try db.cachedStatement(sql: "SELECT status FROM alert WHERE id = ?")
        var statuses: [Int64: AlertStatus] = [:]
        for id in ids {
            guard let text = try String.fetchOne(lookup, arguments: [id]), let status = AlertStatus(rawValue: text) else { continue }
            statuses[id] = status
        }
        return statuses
    }

    @discardableResult
    public func addNote(alertID: Int64, text: String, actor: String) throws -> AlertNote {
        try write("adding a note") { db in
            let uuid = try Self.alertUUID(db, id: alertID)
            let now = Date()
            try db.execute(sql: "INSERT INTO alert_note (alert_id, author, created_at, text) VALUES (?, ?, ?, ?)",
                           arguments: [alertID, actor, now.storeSeconds, text])
            let note = AlertNote(id: db.lastInsertedRowID, alertID: alertID, author: actor, createdAt: now, text: text)
            try AuditLog.record(db, at: now, actor: actor, action: "note.add", target: uuid, detail: text)
            return note
        }
    }

    /// Ticks (or clears) guide step `step` on the case of the alert's host: the checklist lives
    /// on the case, so every alert of the host shows the tick.
    public func setGuideStep(alertID: Int64, step: Int, checked: Bool, actor: String) throws {
        try write("ticking a guide step") { db in
            guard let blob = try Data.fetchOne(db, sql: "SELECT host FROM alert WHERE id = ?", arguments: [alertID]),
                  let host = IPAddress(storeBlob: blob) else {
                throw StoreError.notFound("alert \(alertID)")
            }
            try Self.setCaseGuideStep(db, of: host, step: step, checked: checked, actor: actor)
        }
    }

    // MARK: Shared with exceptions

    /// Moves the given alerts to `status`, keeping the host aggregates and the audit log in step.
    /// Alerts already in `status`, or not in `expected` when given, are left alone; returns the
    /// ids that changed.
    static func changeStatus(_ db: Database, of alertIDs: [Int64], to status: AlertStatus,
                             onlyFrom expected: AlertStatus? = nil, reason: String?, actor: String,
                             at now: Date) throws -> [Int64] {
        let lookup = try db.cachedStatement(sql: "SELECT uuid, status, host, destination FROM alert WHERE id = ?")
        let update = try db.cachedStatement(sql: """
            UPDATE alert SET status = ?, close_reason = ?, updated_at = ? WHERE id = ?
            """)
        var changed: [Int64] = []
        for id in alertIDs {
            guard let row = try Row.fetchOne(lookup, arguments: [id]),
                  let previous = AlertStatus(rawValue: row[1]), previous != status,
                  expected.map({ $0 == previous }) ?? true else { continue }
            let closeReason = status == .closed ? reason : nil
            try update.execute(arguments: [status.rawValue, closeReason, now.storeSeconds, id])
            try AlertCounts.move(db, host: row[2], destination: row[3], from: previous, to: status)
            let uuid: String = row[0]
            let detail = "\(previous.rawValue) → \(status.rawValue)" + (reason.map { ": \($0)" } ?? "")
            try AuditLog.record(db, at: now, actor: actor, action: "alert.\(status.verb)", target: uuid,
                                detail: detail)
            changed.append(id)
        }
        return changed
    }

    private static func alertUUID(_ db: Database, id: Int64) throws -> String {
        guard let uuid = try String.fetchOne(db, sql: "SELECT uuid FROM alert WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound("alert \(id)")
        }
        return uuid
    }
}
