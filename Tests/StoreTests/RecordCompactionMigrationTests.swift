import BundledRules
import Detection
import Foundation
import GRDB
@testable import Store
import Testing
import TriageModel

@Suite("Upgrading a version 11 store to compressed records (v12)")
struct RecordCompactionMigrationTests {
    private let host = IPAddress("10.0.0.1")!

    private func contents(_ store: SMBStore) throws -> StoreSnapshot {
        try StoreSnapshot(store, host: host)
    }

    /// A store the current release made and triaged, turned back into schema version 11: more
    /// records than one migration batch, Zeek and Packetbeat ones, alerts acknowledged and noted,
    /// the host's case investigated, an exception.
    private func versionTenStore() throws -> (StoreFixture, StoreSnapshot) {
        let fixture = try StoreFixture()
        let zeek = (1...RecordCompaction.batchSize + 100).map {
            smbEvent("10.0.0.1", "8.8.\($0 / 250).\($0 % 250 + 1)", at: baseTime.addingTimeInterval(Double($0)), line: $0)
        }
        let packetbeat = packetbeatReport(flowID: "F1", at: baseTime, bytesOut: 100, isFinal: true, line: 1)
        try fixture.store.insert(zeek + [packetbeat], ingestedAt: baseTime)
        try StoreSnapshot.triage(fixture.store, host: host)
        #expect(try fixture.store.alerts(AlertQuery(), offset: 0, limit: 0).total > 100)
        let before = try contents(fixture.store)
        try DatabaseQueue(path: fixture.path).write { db in try rollBackToVersion11(db) }
        let (kinds, flowKeys) = try DatabaseQueue(path: fixture.path).read { db in
            (try String.fetchAll(db, sql: "SELECT DISTINCT typeof(original) FROM event"),
             try String.fetchAll(db, sql: "SELECT flow_key FROM event WHERE flow_key IS NOT NULL"))
        }
        #expect(kinds == ["text"] && flowKeys == ["20:network_traffic.flowF1"])
        return (fixture, before)
    }

    @Test func everyRecordIsCompressedAndNothingAnyReaderShowsChanges() throws {
        let (fixture, before) = try versionTenStore()
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled())
        #expect(try contents(upgraded) == before)
        let (version, kinds, smaller, flowKeys) = try DatabaseQueue(path: fixture.path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"),
             try String.fetchAll(db, sql: "SELECT DISTINCT typeof(original) FROM event"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE length(original) < 60"),
             try Int.fetchOne(db, sql: "SELECT COUNT(flow_key) FROM event"))
        }
        #expect(version == 21 && kinds == ["blob"] && flowKeys == 0)
        #expect(smaller == RecordCompaction.batchSize + 101)
    }

    @Test func aConnectionStoredBeforeTheUpgradeIsJoinedByItsNextSensor() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert(Array(ConnectionTests.threeSensors.prefix(2)), ingestedAt: baseTime)
        try DatabaseQueue(path: fixture.path).write { db in try rollBackToVersion11(db) }
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled())
        try upgraded.insert([ConnectionTests.threeSensors[2]], ingestedAt: baseTime)
        let (connections, hostFlows) = try DatabaseQueue(path: fixture.path).read { db in
            (try Row.fetchAll(db, sql: "SELECT community_key, events FROM connection"),
             try Int.fetchOne(db, sql: "SELECT flows FROM host"))
        }
        #expect(connections.count == 1 && hostFlows == 1)
        #expect(connections.first?[0] == CommunityKey.of(ConnectionTests.communityID))
        #expect(connections.first?[1] == 3)
    }
}
