import BundledRules
import Detection
import Foundation
import GRDB
@testable import Store
import Synchronization
import Testing
import TriageModel

@Suite("Upgrading a version 14 store to compact event rows (v15)")
struct EventRowMigrationTests {
    private let host = IPAddress("10.0.0.1")!

    /// Records of every shape the readers give, from three files: Zeek and Packetbeat ones, one
    /// with every field and address arrays, more than one migration batch in all.
    private func events() -> [IngestedEvent] {
        var zeek = (1...EventRowCompaction.batchSize + 100).map {
            smbEvent("10.0.0.1", "8.8.\($0 / 250).\($0 % 250 + 1)", at: baseTime.addingTimeInterval(Double($0) / 7), line: $0)
        }
        zeek[3].origin.path = "/logs/other/conn.log"
        var full = NetworkEvent(
            timestamp: baseTime, start: baseTime.addingTimeInterval(-0.123456), end: baseTime.addingTimeInterval(1e-7),
            durationNanoseconds: -5, dataset: "suricata.eve", module: "suricata", categories: ["network", "x y"],
            types: ["connection"], action: "alert\u{1B}", outcome: "", code: "3",
            sourceIPs: [host, IPAddress("2001:db8::1")!], sourcePort: 0, sourceBytes: Int64.max, sourcePackets: Int64.min,
            sourceDomain: "fin-ws-047", destinationIPs: [IPAddress("45.146.164.110")!, IPAddress("192.0.2.1")!],
            destinationPort: 445, destinationBytes: 0, destinationPackets: 1, destinationDomain: "ünï",
            transport: "tcp", applicationProtocol: "smb", direction: "egress", communityID: "1:not-base64",
            flowID: "123", isFinalReport: false, connectionState: "SF", observerHostName: "sensor",
            processExecutable: "C:\\x.exe", processID: 4, userName: "ana", userDomain: "CORP")
        full.ruleName = "ET SMB"
        full.ruleCategory = "Misc"
        full.severity = 2
        full.threatName = "none"
        let fullRecord = IngestedEvent(event: full, origin: RecordOrigin(path: "/logs/eve.json", line: 9, format: "suricata",
                                                                         original: #"{"event_type":"alert"}"#))
        let packetbeat = packetbeatReport(flowID: "F1", at: baseTime, bytesOut: 100, isFinal: false, line: 1)
        return zeek + [fullRecord, packetbeat]
    }

    /// A store this build made and triaged, turned back into schema version 14.
    private func versionFourteenStore() throws -> (StoreFixture, StoreSnapshot) {
        let fixture = try StoreFixture()
        try fixture.store.insert(events(), ingestedAt: baseTime)
        try StoreSnapshot.triage(fixture.store, host: host)
        #expect(try fixture.store.alerts(AlertQuery(), offset: 0, limit: 0).total > 100)
        let before = try StoreSnapshot(fixture.store, host: host)
        #expect(before.history.contains { $0.event.threatName == "none" && $0.event.destinationIPs.count == 2 })
        try DatabaseQueue(path: fixture.path).write { db in try rollBackToVersion14(db) }
        let columns = try DatabaseQueue(path: fixture.path).read { db in
            try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info('event')").map { $0[0] as String }
        }
        #expect(columns.contains("community_id") && !columns.contains("fields"))
        return (fixture, before)
    }

    @Test func aReplacedReportStaysKnownAcrossTheRebuild() throws {
        let fixture = try StoreFixture()
        let open = packetbeatReport(flowID: "F9", at: baseTime, bytesOut: 100, isFinal: false, line: 1)
        let final = packetbeatReport(flowID: "F9", at: baseTime.addingTimeInterval(5), bytesOut: 900, isFinal: true, line: 2)
        try fixture.store.insert([open], ingestedAt: baseTime)
        #expect(try fixture.store.insert([final], ingestedAt: baseTime).updated == 1)
        try DatabaseQueue(path: fixture.path).write { db in try rollBackToVersion14(db) }
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled())
        let again = try upgraded.insert([open], ingestedAt: baseTime)
        #expect(again.inserted == 0 && again.duplicates == 1)
        #expect(try upgraded.history(of: IPAddress("10.0.0.5")!, reversed: false, offset: 0, limit: 10).rows.map(\.event.sourceBytes) == [900])
    }

    @Test func everyAlertNoteCaseExceptionAndShownFieldSurvives() throws {
        let (fixture, before) = try versionFourteenStore()
        let reports = Mutex<[(Int, Int)]>([])
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled()) { done, total in
            reports.withLock { $0.append((done, total)) }
        }
        #expect(try StoreSnapshot(upgraded, host: host) == before)
        let total = EventRowCompaction.batchSize + 102
        let lone = try DatabaseQueue(path: fixture.path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE connection_id IS NULL") ?? 0
        }
        // v15's one report, then v18's, then v21's (its one-record connections made lone records
        // again), then v23's (the lone records' hours counted), then v24's (the records moved into blocks).
        #expect(lone > 0)
        #expect(reports.withLock { $0.map(\.0) } == [total, total, lone, lone, total]
                && reports.withLock { $0.map(\.1) } == [total, total, lone, lone, total])
        let (version, columns, files) = try DatabaseQueue(path: fixture.path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"),
             try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('event')"),
             try String.fetchAll(db, sql: "SELECT path FROM origin_file ORDER BY path"))
        }
        #expect(version == SMBStore.schemaVersion)
        #expect(columns == ["id", "fingerprint", "flow_key", "seen_at", "ingested_at", "is_external", "connection_id",
                            "source_ip", "source_ips", "destination_ip", "destination_port", "fields", "origin_id",
                            "origin_line", "original", "community_key", "lone_start", "record_ref"])
        #expect(files == ["/logs/conn.log", "/logs/eve.json", "/logs/other/conn.log", "/logs/packetbeat.ndjson"])
    }

    @Test func anOpenReportStoredBeforeTheUpgradeIsReplacedByItsFinalReport() throws {
        let (fixture, _) = try versionFourteenStore()
        let upgraded = try SMBStore(path: fixture.path, rules: .bundled())
        let final = packetbeatReport(flowID: "F1", at: baseTime.addingTimeInterval(60), bytesOut: 900, isFinal: true, line: 2)
        #expect(try upgraded.insert([final], ingestedAt: baseTime) == InsertResult(updated: 1))
        let flowKeys = try DatabaseQueue(path: fixture.path).read { db in
            try String.fetchAll(db, sql: "SELECT flow_key FROM event WHERE flow_key IS NOT NULL")
        }
        #expect(flowKeys == ["12:suricata.eve123"], "the final report's row keeps no key; the open Suricata one does")
    }
}
