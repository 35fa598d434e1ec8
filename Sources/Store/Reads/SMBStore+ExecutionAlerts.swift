import Foundation
import GRDB
import TriageModel

extension SMBStore {
    /// The highest alert id so far, 0 when there is none. Alerts are never deleted, so every
    /// alert created later has a higher id: read it before an execution to bound `alerts(createdBy:after:)`.
    public func lastAlertID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM alert") ?? 0 }
    }

    /// The alerts execution `executionID` created, oldest first. `alertID` is a `lastAlertID()`
    /// read before that execution ran: only the alerts above it are searched.
    public func alerts(createdBy executionID: Int64, after alertID: Int64) throws -> [AlertRecord] {
        try read { db in
            let records = StoredRecordReader(db)
            return try Row.fetchAll(db, sql: "\(Self.alertSelection) WHERE a.id > ? AND a.execution_id = ? ORDER BY a.id",
                                    arguments: [alertID, executionID]).map { try Self.alertRecord($0, records: records) }
        }
    }
}
