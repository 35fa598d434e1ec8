import Detection
import Foundation
import GRDB
import Store
import Testing
import TriageModel

@Suite("Storing on the writer thread")
struct BatchInserterTests {
    @Test func everyEventOfManyBatchesIsStoredAndCountedOnce() throws {
        let fixture = try StoreFixture()
        let events = (0..<25).map { smbEvent("10.0.0.\($0 % 4 + 1)", "8.8.\($0 % 3).8", line: $0) }
        let outcome = try BatchInserter.storing(into: fixture.store, ingestedAt: baseTime, batchSize: 4) { inserter in
            for start in stride(from: 0, to: events.count, by: 3) {
                try inserter.add(Array(events[start..<min(events.count, start + 3)]))
            }
            try inserter.add(Array(events.prefix(5)))
            return "read"
        }
        #expect(outcome.value == "read")
        #expect(outcome.stored == InsertResult(inserted: 25, duplicates: 5))
        // Deliveries of 3 (the last of 1, then 5) gathered into batches of at least 4: five of 6.
        #expect(outcome.writeTime.transactions == 5)
        let hosts = try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10)
        #expect(hosts.rows.map(\.address) == (1...4).map { IPAddress("10.0.0.\($0)")! })
        let executions = try fixture.store.detectUntilNothingPending(at: baseTime)
        #expect(executions.map(\.alerted) == [25])
    }

    @Test func theFirstDeliveryIsStoredWithoutWaitingForAFullBatch() throws {
        let fixture = try StoreFixture()
        let events = (0..<2_024).map { smbEvent("10.0.\($0 / 250).\($0 % 250 + 1)", "8.8.8.8", line: $0) }
        let outcome = try BatchInserter.storing(into: fixture.store, ingestedAt: baseTime) { inserter in
            try inserter.add(Array(events.prefix(1_024)))
            try inserter.add(Array(events[1_024..<1_524]))
            try inserter.add(Array(events.dropFirst(1_524)))
        }
        #expect(outcome.stored == InsertResult(inserted: 2_024))
        // 1,024 events queue the first batch; the two later deliveries, together far from a full
        // batch, are stored as one at the end (a full first batch would make one transaction of
        // all, a batch per delivery three).
        #expect(outcome.writeTime.transactions == 2)
        let hosts = try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 3_000)
        #expect(hosts.rows.count == 2_024)
    }

    @Test func aFailedBatchIsReportedAndTheBatchesBeforeItStayStored() throws {
        let fixture = try StoreFixture()
        try DatabaseQueue(path: fixture.path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER simulated_failure BEFORE INSERT ON host_destination
                WHEN NEW.ports = '9999' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END
                """)
        }
        #expect(throws: StoreError.self) {
            try BatchInserter.storing(into: fixture.store, ingestedAt: baseTime, batchSize: 2) { inserter in
                try inserter.add([smbEvent("10.0.0.1", "8.8.8.8", line: 1), smbEvent("10.0.0.2", "8.8.8.8", line: 2)])
                try inserter.add([smbEvent("10.0.0.3", "9.9.9.9", port: 9999, line: 3),
                                  smbEvent("10.0.0.4", "8.8.8.8", line: 4)])
                // The writer may still be on the failing batch: adding more either fails at once
                // or waits for it; the end of `storing` always reports it.
                try? inserter.add([smbEvent("10.0.0.5", "8.8.8.8", line: 5), smbEvent("10.0.0.6", "8.8.8.8", line: 6)])
            }
        }
        let hosts = try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10)
        #expect(hosts.rows.map(\.address) == [IPAddress("10.0.0.1")!, IPAddress("10.0.0.2")!])
    }

    @Test func aReadErrorIsThrownAfterWhatWasReadIsStored() throws {
        struct ReadFailure: Error {}
        let fixture = try StoreFixture()
        #expect(throws: ReadFailure.self) {
            try BatchInserter.storing(into: fixture.store, ingestedAt: baseTime, batchSize: 100) { inserter in
                try inserter.add([smbEvent("10.0.0.1", "8.8.8.8", line: 1)])
                throw ReadFailure()
            }
        }
        let hosts = try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10)
        #expect(hosts.rows.map(\.address) == [IPAddress("10.0.0.1")!])
    }

    @Test func nothingAddedStoresNothing() throws {
        let fixture = try StoreFixture()
        let outcome = try BatchInserter.storing(into: fixture.store, ingestedAt: baseTime) { _ in 0 }
        #expect(outcome.stored == InsertResult())
        #expect(outcome.writeTime.transactions == 0)
    }
}
