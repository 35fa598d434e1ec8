import Detection
import Foundation
import GRDB
import Testing
@testable import Store
import TriageModel

@Suite("Checkpoints while storing")
struct BackgroundCheckpointTests {
    private func mainFileBytes(_ fixture: StoreFixture) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: fixture.path)[.size] as? Int ?? 0
    }

    private func writerCheckpointPages(_ fixture: StoreFixture) throws -> Int? {
        try fixture.store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
    }

    @Test func committedBatchesReachTheDatabaseFileAndTheWriterCheckpointsAgainAfterwards() throws {
        let fixture = try StoreFixture()
        let before = try mainFileBytes(fixture)
        // Far below the writer's own thresholds: only the background checkpoints copy these pages
        // into the database file.
        let events = (0..<400).map { smbEvent("10.0.\($0 / 200).\($0 % 200 + 1)", "8.8.8.8", line: $0) }
        let outcome = try BatchInserter.storing(into: fixture.store, ingestedAt: baseTime, batchSize: 100) { inserter in
            #expect(try writerCheckpointPages(fixture) == BackgroundCheckpointer.writerCheckpointBytes / SMBStore.pageSize)
            try inserter.add(events)
        }
        #expect(outcome.stored.inserted == 400)
        #expect(try mainFileBytes(fixture) > before + 100 * 1024)
        // The database file alone, without its WAL, holds every committed batch.
        let alone = fixture.directory.appendingPathComponent("alone.db").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: alone)
        let copied = try DatabaseQueue(path: alone).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") }
        #expect(copied == 400)
        #expect(try writerCheckpointPages(fixture) == SMBStore.writerCheckpointBytes / SMBStore.pageSize)
        #expect(try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 1).total == 400)
    }

    @Test func twoIngestsOnOneStoreKeepTheLargerThresholdUntilBothEnd() throws {
        let fixture = try StoreFixture()
        let raised = BackgroundCheckpointer.writerCheckpointBytes / SMBStore.pageSize
        _ = try BatchInserter.storing(into: fixture.store, ingestedAt: baseTime) { outer in
            _ = try BatchInserter.storing(into: fixture.store, ingestedAt: baseTime) { inner in
                try inner.add([smbEvent("10.0.0.1", "8.8.8.8", line: 1)])
            }
            #expect(try writerCheckpointPages(fixture) == raised)
            try outer.add([smbEvent("10.0.0.2", "8.8.8.8", line: 2)])
        }
        #expect(try writerCheckpointPages(fixture) == SMBStore.writerCheckpointBytes / SMBStore.pageSize)
    }

    @Test func aFailedReadStillRestoresTheWritersCheckpointThreshold() throws {
        struct ReadFailure: Error {}
        let fixture = try StoreFixture()
        #expect(throws: ReadFailure.self) {
            try BatchInserter.storing(into: fixture.store, ingestedAt: baseTime) { inserter in
                try inserter.add([smbEvent("10.0.0.1", "8.8.8.8", line: 1)])
                #expect(try writerCheckpointPages(fixture) == BackgroundCheckpointer.writerCheckpointBytes / SMBStore.pageSize)
                throw ReadFailure()
            }
        }
        #expect(try writerCheckpointPages(fixture) == SMBStore.writerCheckpointBytes / SMBStore.pageSize)
    }
}
