import Foundation
import GRDB
@testable import Store
import Testing

/// A prune batch reads its own flows, never the whole event table.
@Suite("Prune query plans")
struct PrunePlanTests {
    /// The records of a batch come through the batch's ids (the outer loop), each looked up by
    /// its rowid: a scan of an `event` index would read every stored flow once per batch.
    @Test func aBatchsRecordsAreLookedUpByTheirIDs() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert((1...50).map { smbEvent("10.0.0.\($0 % 5 + 1)", "8.8.8.8", line: $0) }, ingestedAt: baseTime)
        let plan = try DatabaseQueue(path: fixture.path).write { db in
            try db.execute(sql: "CREATE TEMP TABLE prune_batch (id INTEGER PRIMARY KEY)")
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + FlowSummaries.batchRecords).map { $0["detail"] as String }
        }
        #expect(plan.prefix(2) == ["SCAN b", "SEARCH e USING INTEGER PRIMARY KEY (rowid=?)"])
    }

    /// Closed alerts are found in the closed alerts' index, in its order: through the status
    /// index a batch would read every closed alert and sort them.
    @Test func closedAlertsAreFoundThroughTheirOwnIndexInItsOrder() throws {
        let fixture = try StoreFixture()
        let plan = try DatabaseQueue(path: fixture.path).read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + PruneCriteria.closedAlerts, arguments: [0, 0, 0])
                .map { $0["detail"] as String }
        }
        #expect(plan.first == "SEARCH a USING INDEX alert_closed_at (updated_at>? AND updated_at<?)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }
}
