import Foundation
import Ingest
import SmbtriageKit
import Store
import TriageModel
import Testing

/// The ingest session `ingest`, `demo` and `watch` share, and the lines they print, without the binary.
@Suite struct IngestSessionTests {
    let fixture: KitFixture

    init() throws { fixture = try KitFixture() }

    @Test func storesTheSMBFlowsCountsTheRestAndRunsTheRule() throws {
        let session = try fixture.session()
        let path = try fixture.copy("flows.ndjson")
        let now = Date()
        let result = try session.ingest(InputFile(path: path), ingestedAt: now)
        #expect(result.summary.lines == 4 && result.summary.rejected == 1)
        #expect(result.summary.smbEvents == 2 && result.inserted == 2 && result.duplicates == 0)
        let executions = try session.detect(at: now)
        #expect(executions.map(\.alerted).reduce(0, +) == 1, "the internal destination is not alerted")
        let again = try session.ingest(InputFile(path: path), ingestedAt: now)
        #expect(again.inserted == 0 && again.duplicates == 2)
    }

    @Test func readsAGrowingFileFromWhereItStopped() throws {
        let session = try fixture.session()
        let path = fixture.directory.appendingPathComponent("growing.ndjson").path
        try KitFixture.lines("flows.ndjson", 1).write(toFile: path, atomically: false, encoding: .utf8)
        let first = try session.ingest(InputFile(path: path), from: .start, ingestedAt: Date())
        #expect(first.result.inserted == 1 && first.end.line == 1)
        try KitFixture.lines("flows.ndjson", 2).write(toFile: path, atomically: false, encoding: .utf8)
        let second = try session.ingest(InputFile(path: path), from: first.end, ingestedAt: Date())
        #expect(second.result.summary.lines == 1 && second.result.inserted == 1 && second.end.line == 2)
    }

    @Test func theFileLineNamesTheFormatCountsAndEscapesThePath() throws {
        let session = try fixture.session()
        let path = try fixture.copy("flows.ndjson", as: "flows\u{1B}[2J.ndjson")
        let result = try session.ingest(InputFile(path: path), ingestedAt: Date())
        let line = IngestReport.fileLine(result)
        #expect(line.contains("[ecs]: 4 lines, 3 network events, 2 SMB records (2 new records, 2 new connections, 0 updates of a stored flow, "
            + "0 already stored), 0 skipped, 1 rejected"))
        #expect(!line.contains("\u{1B}"))
        let issues = IngestReport.issueLines(result.summary)
        #expect(issues.count == 1 && issues[0].contains(":4:"))
    }

    @Test func aRecordOfAConnectionAnotherSensorReportedIsANewRecordButNoNewConnection() throws {
        let session = try fixture.session()
        let packetbeat = try KitFixture.lines("flows.ndjson", 1)
        let zeek = packetbeat.replacingOccurrences(of: "network_traffic.flow", with: "zeek.connection")
        let first = fixture.directory.appendingPathComponent("packetbeat.ndjson").path
        let second = fixture.directory.appendingPathComponent("zeek.ndjson").path
        try packetbeat.write(toFile: first, atomically: false, encoding: .utf8)
        try zeek.write(toFile: second, atomically: false, encoding: .utf8)
        let started = try session.ingest(InputFile(path: first), ingestedAt: Date())
        #expect(started.inserted == 1 && started.newConnections == 1)
        let joined = try session.ingest(InputFile(path: second), ingestedAt: Date())
        #expect(joined.inserted == 1 && joined.newConnections == 0)
        #expect(IngestReport.fileLine(joined).contains("1 SMB record (1 new record, 0 new connections, 0 updates"))
    }

    @Test func theExecutionLineSaysWhatWasAlertedAndSuppressed() throws {
        let ranAt = Date(timeIntervalSince1970: 1_780_000_000)
        let record = ExecutionRecord(id: 3, ranAt: ranAt, windowStart: ranAt.addingTimeInterval(-540), windowEnd: ranAt,
                                     matched: 5, alerted: 2, pending: 1, suppressedBy: ["a": 1, "b": 1], capReached: true)
        #expect(IngestReport.executionLine(record) == "execution 3 at 2026-05-28 20:26:40: 5 matched, 2 alerted, "
            + "1 pending, 2 suppressed by 2 exceptions — warning: hit the rule's cap of alerts per execution")
    }
}
