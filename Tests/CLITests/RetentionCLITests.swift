import Foundation
import Testing

/// `retention`, `retention set`, `prune` and `store` as an analyst runs them.
@Suite struct RetentionCLITests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    /// Stores five flows of 10.1.1.1 from 2026-11-30: three to a file server, two that alert.
    private func ingestFlows() throws {
        let flows = (1...3).map { ECSFixture.flow(source: "10.1.1.1", destination: "10.2.2.2", serial: $0) }
            + (4...5).map { ECSFixture.flow(source: "10.1.1.1", destination: "45.146.164.10", serial: $0) }
        let ingest = try cli.run(["ingest", try cli.write("flows.ndjson", ECSFixture.lines(flows))])
        #expect(ingest.status == 0, "\(ingest.errors)")
    }

    private func storeDocument() throws -> [String: Any] {
        let run = try cli.run(["store", "--json"])
        #expect(run.status == 0, "\(run.errors)")
        return try #require(run.jsonLines.first)
    }

    @Test func retentionShowsThePolicyAndSetChangesItInTheAuditLog() throws {
        try ingestFlows()
        let shown = try cli.run(["retention"])
        #expect(shown.output.contains("flows          30 days") && shown.output.contains("audit          730 days"))
        let set = try cli.run(["retention", "set", "--flows", "7d", "--closed-alerts", "12w"])
        #expect(set.status == 0, "\(set.errors)")
        let policy = try #require(try cli.run(["retention", "--json"]).jsonLines.first)
        #expect(policy["flows_days"] as? Int == 7 && policy["closed_alerts_days"] as? Int == 84)
        #expect(policy["audit_days"] as? Int == 730)
        let audit = try #require(try cli.run(["audit", "--json"]).jsonLines.first)
        #expect(audit["action"] as? String == "retention.set" && audit["actor"] as? String == "test-analyst")
        #expect(try cli.run(["retention", "set"]).status == 2)
        let badPeriod = try cli.run(["retention", "set", "--flows", "36h"])
        #expect(badPeriod.status == 2 && badPeriod.errors.contains("--flows"))
    }

    @Test func pruneDryRunRemovesNothingAndCountsWhatPruneThenRemoves() throws {
        try ingestFlows()
        #expect(try cli.run(["retention", "set", "--flows", "1d"]).status == 0)
        let dryRun = try #require(try cli.run(["prune", "--dry-run", "--json"]).jsonLines.first)
        #expect(dryRun["flows"] as? Int == 3 && dryRun["closed_alerts"] as? Int == 0)
        #expect(try storeDocument()["flows"] as? Int == 5)
        let pruned = try cli.run(["prune"])
        #expect(pruned.status == 0, "\(pruned.errors)")
        #expect(pruned.output.contains("pruned 3 flows, 0 closed alerts") && pruned.output.contains("store size:"))
        let stats = try storeDocument()
        #expect(stats["flows"] as? Int == 2 && stats["summarized_flows"] as? Int == 3)
        #expect(stats["open_alerts"] as? Int == 2)
        let history = try cli.run(["history", "10.1.1.1"])
        #expect(history.output.contains("2026-11-30 (day)") && history.output.contains("summary of 3 flows"))
        #expect(history.errors.contains("2 SMB flows, 1 daily summary of 3 pruned flows"))
        let summary = try #require(try cli.run(["history", "10.1.1.1", "--json"]).jsonLines.first)
        #expect(summary["smbtriage.summary"] as? Bool == true && summary["smbtriage.summary.flows"] as? Int == 3)
        #expect(summary["destination.ip"] as? String == "10.2.2.2")
    }

    @Test func storePrintsWhatTheStoreHolds() throws {
        try ingestFlows()
        let table = try cli.run(["store"])
        #expect(table.status == 0, "\(table.errors)")
        #expect(table.output.contains("flows           5 (oldest 2026-11-30 10:00:01, newest 2026-11-30 10:00:05)"))
        #expect(table.output.contains("alerts          2 open, 0 acknowledged, 0 closed"))
        #expect(table.output.contains("retention       flows 30d, closed alerts 180d, audit 730d"))
        let stats = try storeDocument()
        #expect(stats["hosts"] as? Int == 1 && stats["notes"] as? Int == 0)
        #expect((stats["database_bytes"] as? Int ?? 0) > 0 && stats["incremental_vacuum"] as? Bool == true)
        #expect((stats["retention"] as? [String: Any])?["closed_alerts_days"] as? Int == 180)
    }

    @Test func watchPrunesAtStart() throws {
        try ingestFlows()
        #expect(try cli.run(["retention", "set", "--flows", "1d"]).status == 0)
        let log = try cli.write("empty.ndjson", "")
        let (watch, _, _) = try cli.launch(["watch", log, "--interval", "1h"], discardOutput: true)
        defer { CLIHarness.kill(watch) }
        var flows: Int?
        for _ in 0..<100 where flows != 2 {
            Thread.sleep(forTimeInterval: 0.2)
            flows = try storeDocument()["flows"] as? Int
        }
        #expect(flows == 2)
        let audit = try #require(try cli.run(["audit", "--json"]).jsonLines.first)
        #expect(audit["action"] as? String == "store.prune")
    }
}
