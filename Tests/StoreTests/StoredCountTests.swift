import BundledRules
import Detection
import Foundation
import GRDB
@testable import Store
import Testing

/// The counts of flows and flow summaries the store keeps (`stored_count`, v22) stay those of
/// its rows through every path that stores or removes flows, and `smbtriage store` reads them.
@Suite("Stored counts")
struct StoredCountTests {
    private struct Interrupted: Error {}

    /// A prune time after which the flows stored at `baseTime` are past the default retention.
    private let later = baseTime.addingTimeInterval(100 * 86_400)

    /// The counts as kept and as counted from the rows.
    private func counts(_ fixture: StoreFixture) throws -> (kept: StoredCounts, counted: StoredCounts) {
        try DatabaseQueue(path: fixture.path).read { db in (try StoredCounts.kept(db), try StoredCounts.counted(db)) }
    }

    private func events(_ lines: ClosedRange<Int>, at time: Date = baseTime) -> [IngestedEvent] {
        lines.map { smbEvent("10.0.0.\($0 % 3 + 1)", "10.9.9.\($0 % 2 + 1)", at: time, line: $0) }
    }

    @Test func aNewStoreCountsNothing() throws {
        let fixture = try StoreFixture()
        #expect(try counts(fixture).kept == StoredCounts(flows: 0, flowSummaries: 0, summarizedFlows: 0))
        #expect(try fixture.store.statistics().flows == 0)
    }

    /// Stored flows are counted once: a file read again adds duplicates, not flows.
    @Test func ingestCountsTheFlowsItStoredAndNotTheDuplicates() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.insert(events(1...40), ingestedAt: baseTime).inserted == 40)
        #expect(try counts(fixture).kept.flows == 40)
        #expect(try fixture.store.insert(events(1...40) + events(41...45), ingestedAt: baseTime)
            == InsertResult(inserted: 5, duplicates: 40))
        let (kept, counted) = try counts(fixture)
        #expect(kept.flows == 45 && kept == counted)
        #expect(try fixture.store.statistics().flows == 45)
    }

    /// A later Packetbeat report replaces its flow's row: the flow is counted once, and a stale
    /// report arriving late counts nothing.
    @Test func supersededPacketbeatReportsAreOneFlow() throws {
        let fixture = try StoreFixture()
        let reports = (0..<3).map {
            packetbeatReport(flowID: "AQ", at: baseTime.addingTimeInterval(Double($0) * 10), bytesOut: 100 * Int64($0 + 1),
                             isFinal: $0 == 2, line: $0 + 1)
        }
        #expect(try fixture.store.insert([reports[0]], ingestedAt: baseTime) == InsertResult(inserted: 1))
        #expect(try fixture.store.insert([reports[1], reports[2]], ingestedAt: baseTime) == InsertResult(updated: 2))
        #expect(try fixture.store.insert(reports, ingestedAt: baseTime) == InsertResult(duplicates: 3))
        let (kept, counted) = try counts(fixture)
        #expect(kept.flows == 1 && kept == counted)
    }

    /// A batch whose transaction does not commit leaves its rows and its count behind alike.
    @Test func aRolledBackBatchCountsNothing() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert(events(1...10), ingestedAt: baseTime)
        #expect(throws: Interrupted.self) {
            try fixture.store.write("storing events") { db in
                var writer = try EventWriter(db: db, rule: fixture.rule, ingestedAt: baseTime)
                try writer.add(PreparedBatch(events(11...30)))
                try writer.flushAggregates()
                #expect(try StoredCounts.kept(db).flows == 30)
                throw Interrupted()
            }
        }
        let (kept, counted) = try counts(fixture)
        #expect(kept.flows == 10 && kept == counted)
    }

    /// A prune takes its flows off the count and adds the summaries it made, batch by batch
    /// (batches of one: later flows of a host, day and destination update the summary row the
    /// first one made).
    @Test func aPruneCountsWhatItRemovedAndSummarized() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert(events(1...12), ingestedAt: baseTime)
        try fixture.store.insert(events(13...15, at: later.addingTimeInterval(-3_600)), ingestedAt: later)
        let report = try fixture.store.prune(at: later, actor: "ana", batchSize: 1)
        #expect(report.flows == 12)
        let (kept, counted) = try counts(fixture)
        // Hosts 10.0.0.1–3 each sent to 10.9.9.1 and 10.9.9.2 on the one day: six summaries.
        #expect(kept == StoredCounts(flows: 3, flowSummaries: 6, summarizedFlows: 12) && kept == counted)
        let statistics = try fixture.store.statistics()
        #expect(statistics.flows == 3 && statistics.flowSummaries == 6 && statistics.summarizedFlows == 12)
    }

    /// A store the previous schema made (v21) gets the kept counts from its rows when opened,
    /// and keeps every row.
    @Test func aV21StoreIsCountedWhenUpgraded() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert(events(1...12), ingestedAt: baseTime)
        try fixture.store.insert(events(13...17, at: later), ingestedAt: later)
        try fixture.store.prune(at: later, actor: "ana")
        let expected = try fixture.store.statistics()
        try DatabaseQueue(path: fixture.path).write { db in
            try rollBackRecordBlocks(db)
            try db.execute(sql: rollbackToVersion21)
            #expect(try !db.tableExists("stored_count"))
        }
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled())
        #expect(upgraded.upgradedFromVersion == 21)
        // Every count as before; the file's bytes are what the rollback and the upgrade wrote.
        var statistics = try upgraded.statistics()
        (statistics.databaseBytes, statistics.walBytes) = (expected.databaseBytes, expected.walBytes)
        #expect(statistics == expected)
        #expect(expected.flows == 5 && expected.flowSummaries == 6 && expected.summarizedFlows == 12)
        let (kept, counted) = try counts(fixture)
        #expect(kept == counted)
        #expect(try upgraded.countMismatches().isEmpty)
    }

    /// The oldest and newest stored flow, found by probing hosts in the order of their first and
    /// last activity, are those of the rows: with no flow, with flows of several hosts and one
    /// without a source address, and after a prune took the flows of the hosts active first.
    @Test func theOldestAndNewestFlowAreTheRows() throws {
        let fixture = try StoreFixture()
        func expectSpanOfTheRows() throws {
            let rows = try DatabaseQueue(path: fixture.path).read { db in
                try Row.fetchOne(db, sql: "SELECT min(seen_at), max(seen_at) FROM event")
            }
            let statistics = try fixture.store.statistics()
            #expect(statistics.oldestFlow == (rows?[0] as Double?).map(Date.init(storeSeconds:)))
            #expect(statistics.newestFlow == (rows?[1] as Double?).map(Date.init(storeSeconds:)))
        }
        try expectSpanOfTheRows()
        try fixture.store.insert(events(1...6) + events(7...9, at: baseTime.addingTimeInterval(86_400))
                                 + events(10...12, at: later.addingTimeInterval(-7_200)), ingestedAt: baseTime)
        var addressless = smbEvent("10.0.0.1", "10.9.9.1", at: later.addingTimeInterval(-3_600), line: 13)
        addressless.event.sourceIPs = []
        try fixture.store.insert([addressless], ingestedAt: baseTime)
        #expect(try fixture.store.statistics().newestFlow == later.addingTimeInterval(-3_600))
        try expectSpanOfTheRows()
        try fixture.store.prune(at: later, actor: "ana")
        #expect(try fixture.store.statistics().oldestFlow == later.addingTimeInterval(-7_200))
        try expectSpanOfTheRows()
    }

    /// A kept count that is not the rows' is found, named, and set from the rows when asked.
    @Test func theCheckFindsAWrongCountAndRecountSetsIt() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert(events(1...8), ingestedAt: baseTime)
        #expect(try fixture.store.countMismatches().isEmpty)
        try DatabaseQueue(path: fixture.path).write { db in
            try db.execute(sql: "UPDATE stored_count SET flows = flows + 3, summarized_flows = 7")
        }
        let expected = [CountMismatch(counted: "flows", kept: 11, actual: 8),
                        CountMismatch(counted: "summarized flows", kept: 7, actual: 0)]
        #expect(try fixture.store.countMismatches() == expected)
        #expect(try fixture.store.recount() == expected)
        #expect(try fixture.store.countMismatches().isEmpty)
        #expect(try fixture.store.statistics().flows == 8)
    }
}
