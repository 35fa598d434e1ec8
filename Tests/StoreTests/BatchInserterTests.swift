import Detection
import Foundation
import GRDB
import Store
import Testing

@Suite("Storing on the writer thread")
struct BatchInserterTests {
    @Test func everyEventOfManyBatchesIsStoredAndCountedOnce() throws {
        let fixture = try StoreFixture()
        let events = (0..<25).map { smbEvent("10.0.0.\($0 % 4 + 1)", "8.8.\($0 % 3).8", line: $0) }
        let inserter = BatchInserter(store: fixture.store, ingestedAt: baseTime, batchSize: 4)
        for start in stride(from: 0, to: events.count, by: 3) {
            try inserter.add(Array(events[start..<min(events.count, start + 3)]))
        }
        try inserter.add(Array(events.prefix(5)))
        #expect(try inserter.finish() == InsertResult(inserted: 25, duplicates: 5))
        // Deliveries of 3 (the last of 1, then 5) gathered into batches of at least 4: five of 6.
        #expect(inserter.writeTime.transactions == 5)
        let hosts = try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10)
        #expect(hosts.rows.map(\.address) == (1...4).map { IPAddress("10.0.0.\($0)")! })
        let executions = try fixture.store.detectUntilNothingPending(at: baseTime, rule: fixture.rule)
        #expect(executions.map(\.alerted) == [25])
    }

    @Test func aFailedBatchIsReportedAndTheBatchesBeforeItStayStored() throws {
        let fixture = try StoreFixture()
        try DatabaseQueue(path: fixture.path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER simulated_failure BEFORE INSERT ON host_destination
                WHEN NEW.ports = '9999' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END
                """)
        }
        let inserter = BatchInserter(store: fixture.store, ingestedAt: baseTime, batchSize: 2)
        try inserter.add([smbEvent("10.0.0.1", "8.8.8.8", line: 1), smbEvent("10.0.0.2", "8.8.8.8", line: 2)])
        try inserter.add([smbEvent("10.0.0.3", "9.9.9.9", port: 9999, line: 3), smbEvent("10.0.0.4", "8.8.8.8", line: 4)])
        #expect(throws: StoreError.self) {
            // The writer may still be on the failing batch: adding more either fails at once or
            // waits for it; finishing always reports it.
            try? inserter.add([smbEvent("10.0.0.5", "8.8.8.8", line: 5), smbEvent("10.0.0.6", "8.8.8.8", line: 6)])
            _ = try inserter.finish()
        }
        let hosts = try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10)
        #expect(hosts.rows.map(\.address) == [IPAddress("10.0.0.1")!, IPAddress("10.0.0.2")!])
    }
}
