import Foundation
import Testing

/// The command line end to end: the built binary on a scratch store.
@Suite struct CLITests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    @Test func ingestingTheSameFileTwiceChangesNothing() throws {
        let file = try cli.write("flows.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1),
            ECSFixture.flow(source: "10.1.1.5", destination: "10.10.0.5", serial: 2),
            ECSFixture.flow(source: "10.1.1.6", destination: "185.220.101.4", port: 139, serial: 3),
        ]))
        let first = try cli.run(["ingest", file])
        #expect(first.status == 0, "\(first.errors)")
        let alertsAfterFirst = try cli.run(["alerts", "--json"]).jsonLines
        #expect(alertsAfterFirst.count == 2)

        let second = try cli.run(["ingest", file])
        #expect(second.status == 0)
        #expect(second.output.contains("3 SMB records (0 new records, 0 new connections, 0 updates of a stored flow, 3 already stored)"))
        let alertsAfterSecond = try cli.run(["alerts", "--json"]).jsonLines
        #expect(Set(alertsAfterSecond.compactMap { $0["kibana.alert.uuid"] as? String })
            == Set(alertsAfterFirst.compactMap { $0["kibana.alert.uuid"] as? String }))
    }

    @Test func alertDocumentsCarryTheRuleAndTheEvent() throws {
        let file = try cli.write("one.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "192.168.7.20", destination: "0.0.0.4", serial: 7, bytesOut: 777),
        ]))
        #expect(try cli.run(["ingest", file]).status == 0)
        let alert = try #require(try cli.run(["alerts", "--json"]).jsonLines.first)
        #expect(alert["kibana.alert.rule.rule_id"] as? String == "c82b2bd8-d701-420c-ba43-f11a155b681a")
        #expect(alert["kibana.alert.risk_score"] as? Int == 73)
        #expect(alert["kibana.alert.severity"] as? String == "high")
        #expect(alert["kibana.alert.workflow_status"] as? String == "open")
        #expect(alert["source.ip"] as? String == "192.168.7.20")
        #expect(alert["destination.ip"] as? String == "0.0.0.4")
        #expect(alert["destination.port"] as? Int == 445)
        #expect(alert["source.bytes"] as? Int == 777)
        let threat = try #require(alert["kibana.alert.rule.threat"] as? [[String: Any]])
        let techniques = threat.flatMap { ($0["technique"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(techniques == ["T1190", "T1048"])
    }

    @Test func matchesAboveTheCapWaitForLaterExecutions() throws {
        let flows = (0..<250).map { ECSFixture.flow(source: "10.2.0.9", destination: "45.146.\($0 / 200).\($0 % 200 + 1)", serial: $0) }
        let file = try cli.write("spray.ndjson", ECSFixture.lines(flows))
        let run = try cli.run(["ingest", file])
        #expect(run.status == 0)
        let executions = run.output.split(separator: "\n").filter { $0.hasPrefix("execution ") }
        #expect(executions.count == 3)
        #expect(executions.map { $0.contains("warning: hit the rule's cap") } == [true, true, false])
        #expect(executions.last?.contains("50 alerted, 0 pending") == true)
        #expect(try cli.run(["alerts", "--json", "--limit", "1000"]).jsonLines.count == 250)
    }

    @Test func anExceptionWithCloseMatchingClosesItsAlertsAndSuppressesNewOnes() throws {
        let file = try cli.write("mixed.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.1.1.5", destination: "20.60.1.10", serial: 1),
            ECSFixture.flow(source: "10.1.1.6", destination: "20.60.1.11", serial: 2),
            ECSFixture.flow(source: "10.1.1.7", destination: "45.146.164.10", serial: 3),
        ]))
        #expect(try cli.run(["ingest", file]).status == 0)
        let add = try cli.run(["exceptions", "add", "--destination", "20.60.0.0/16", "--comment",
                               "Azure Files backup share", "--close-matching"])
        #expect(add.status == 0, "\(add.errors)")
        #expect(add.output.contains("2 matching open alerts closed"))
        let statuses = try cli.run(["alerts", "--json"]).jsonLines.map {
            ($0["destination.ip"] as? String ?? "", $0["kibana.alert.workflow_status"] as? String ?? "")
        }
        #expect(Dictionary(uniqueKeysWithValues: statuses)
            == ["20.60.1.10": "closed", "20.60.1.11": "closed", "45.146.164.10": "open"])

        let later = try cli.write("later.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.1.1.8", destination: "20.60.9.9", serial: 9),
        ]))
        #expect(try cli.run(["ingest", later]).status == 0)
        #expect(try cli.run(["alerts", "--json"]).jsonLines.count == 3)
        let exception = try #require(try cli.run(["exceptions", "list", "--json"]).jsonLines.first)
        #expect(exception["suppressed_events"] as? Int == 1)
        #expect(exception["created_by"] as? String == "test-analyst")
        #expect(exception["active"] as? Bool == true)
        #expect(try cli.run(["audit", "--json"]).jsonLines.contains { ($0["action"] as? String)?.contains("exception") == true })
    }

    @Test func anExceptionThatSilencesAHugeRangeNeedsForce() throws {
        let refused = try cli.run(["exceptions", "add", "--source", "10.0.0.0/8", "--comment", "all of it"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("--force"))
        #expect(try cli.run(["exceptions", "list", "--json"]).jsonLines.isEmpty)
        let forced = try cli.run(["exceptions", "add", "--source", "10.0.0.0/8", "--comment", "all of it", "--force"])
        #expect(forced.status == 0)
        #expect(try cli.run(["exceptions", "list", "--json"]).jsonLines.count == 1)
    }

    @Test func exceptionsSurviveAKibanaExportAndImport() throws {
        #expect(try cli.run(["exceptions", "add", "--source", "10.1.1.5", "--destination", "45.146.164.10",
                             "--comment", "vendor sync", "--expires", "2030-01-01"]).status == 0)
        #expect(try cli.run(["exceptions", "add", "--destination", "20.60.0.0/16", "--comment", "Azure"]).status == 0)
        let export = try cli.run(["exceptions", "export"])
        #expect(export.status == 0)
        let file = try cli.write("exceptions.ndjson", export.output)

        let other = try CLIHarness()
        let imported = try other.run(["exceptions", "import", file])
        #expect(imported.status == 0, "\(imported.errors)")
        func shape(_ lines: [[String: Any]]) -> [String] {
            lines.map { "\($0["item_id"] ?? "")|\($0["conditions"] ?? "")|\($0["comment"] ?? "")|\($0["expire_time"] ?? "")" }.sorted()
        }
        #expect(shape(try other.run(["exceptions", "list", "--json"]).jsonLines)
            == shape(try cli.run(["exceptions", "list", "--json"]).jsonLines))
    }

    @Test func statusChangesAndNotesGoToTheAuditLog() throws {
        let file = try cli.write("two.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1),
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.11", serial: 2),
        ]))
        #expect(try cli.run(["ingest", file]).status == 0)
        let ids = try cli.run(["alerts", "--json"]).jsonLines.compactMap { $0["smbtriage.alert.id"] as? Int }.sorted()
        #expect(ids.count == 2)
        #expect(try cli.run(["alerts", "ack", "\(ids[0])"]).status == 0)
        #expect(try cli.run(["alerts", "close", "\(ids[1])"]).status == 2)
        #expect(try cli.run(["alerts", "close", "\(ids[1])", "--reason", "false positive"]).status == 0)
        #expect(try cli.run(["note", "\(ids[1])", "vendor confirmed"]).status == 0)
        let open = try cli.run(["alerts", "--status", "open", "--json"]).jsonLines
        #expect(open.isEmpty)
        let closed = try cli.run(["alerts", "--status", "closed", "--json"]).jsonLines
        // A verdict's words are exported as Kibana's closing reason.
        #expect(closed.first?["kibana.alert.workflow_reason"] as? String == "false_positive")
        #expect(try cli.run(["alerts", "reopen", "\(ids[1])"]).status == 0)
        #expect(try cli.run(["alerts", "--status", "open", "--json"]).jsonLines.count == 1)
        let actions = try cli.run(["audit", "--json"]).jsonLines.compactMap { $0["action"] as? String }
        #expect(actions.count >= 4)
        #expect(try cli.run(["alerts", "ack", "999999"]).status == 1)
    }

    @Test func hostsAndHistoryGroupBySourceAndFlagNewDestinations() throws {
        let file = try cli.write("history.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.1.1.5", destination: "10.10.0.5", serial: 1, bytesOut: 10),
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 2, bytesOut: 1000),
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 3, bytesOut: 2000),
            ECSFixture.flow(source: "10.1.1.9", destination: "10.10.0.5", serial: 4),
        ]))
        #expect(try cli.run(["ingest", file]).status == 0)
        let hosts = try cli.run(["hosts", "--json"]).jsonLines
        #expect(hosts.first?["source.ip"] as? String == "10.1.1.5")
        #expect(hosts.first?["alerts.open"] as? Int == 2)
        #expect(hosts.first?["source.bytes.external"] as? Int == 3000)
        #expect(hosts.first?["destinations.external"] as? Int == 1)
        let history = try cli.run(["history", "10.1.1.5", "--json"]).jsonLines
        #expect(history.map { $0["destination.ip"] as? String ?? "" } == ["10.10.0.5", "45.146.164.10", "45.146.164.10"])
        #expect(history.map { $0["smbtriage.first_seen_destination"] as? Bool ?? false } == [true, true, false])
    }

    @Test func logValuesNeverReachTheTerminalRaw() throws {
        let file = try cli.write("hostile.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1,
                            hostName: "PC\u{1b}]0;pwned\u{07}\u{1b}[2J"),
        ]))
        #expect(try cli.run(["ingest", file]).status == 0)
        let table = try cli.run(["hosts"])
        #expect(table.status == 0)
        #expect(!table.output.utf8.contains(0x1b))
        #expect(!table.output.utf8.contains(0x07))
        #expect(table.output.contains("PC"))
    }

    @Test func badInputIsReportedByFileAndLineAndTheRestGoesIn() throws {
        let file = try cli.write("partly-bad.ndjson", [
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1),
            "{not json",
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.11", serial: 2),
        ].joined(separator: "\n") + "\n")
        let run = try cli.run(["ingest", file])
        #expect(run.status == 1)
        #expect(run.errors.contains("partly-bad.ndjson:2:"))
        #expect(try cli.run(["alerts", "--json"]).jsonLines.count == 2)
    }

    @Test func aDirectoryIsReadThroughItsLinksAndWhatIsPassedOverIsSaid() throws {
        let logs = cli.directory.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let real = try cli.write("elsewhere.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1),
        ]))
        try FileManager.default.createSymbolicLink(atPath: logs.path + "/flows.ndjson", withDestinationPath: real)
        try FileManager.default.createSymbolicLink(atPath: logs.path + "/gone.ndjson", withDestinationPath: real + ".old")
        let run = try cli.run(["ingest", logs.path])
        #expect(run.status == 0)
        #expect(run.output.contains("\(logs.path)/flows.ndjson [ecs]: 1 line, 1 network event"))
        #expect(run.errors.contains("\"\(logs.path)/gone.ndjson\": skipped: symbolic link to nothing readable"))
        #expect(try cli.run(["alerts", "--json"]).jsonLines.count == 1)
    }

    @Test func usageAndRuntimeErrorsHaveTheirExitCodes() throws {
        #expect(try cli.run(["hosts", "--no-such-flag"]).status == 2)
        #expect(try cli.run(["ingest", try cli.write("one.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1)]))]).status == 0)
        #expect(try cli.run(["history", "not-a-host"]).status == 2)
        let junk = try cli.write("junk.db", String(repeating: "not a database ", count: 200))
        let corrupt = try cli.run(["hosts", "--db", junk], useDatabase: false)
        #expect(corrupt.status == 1)
        #expect(corrupt.errors.contains(junk))
        #expect(try cli.run(["--version"], useDatabase: false).output.contains("0."))
    }

    @Test func theRuleCommandPrintsAndChecksRules() throws {
        let rule = try #require(try cli.run(["rule", "--json"], useDatabase: false).jsonLines.first)
        #expect(rule["risk_score"] as? Int == 73)
        #expect(rule["max_signals"] as? Int == 100)
        #expect(rule["version"] as? Int == 103)
        #expect((rule["coverage_notes"] as? [[String: Any]])?.isEmpty == false)
        let text = try cli.run(["rule"], useDatabase: false).output
        #expect(text.contains("T1190"))
        #expect(text.contains("0.0.0.0/8"))
        let broken = try cli.write("broken.json", "{\n  \"rule_id\": \"x\",\n  \"query\": \"a:\n}\n")
        let check = try cli.run(["rule", "--check", broken], useDatabase: false)
        #expect(check.status == 1)
        #expect(check.errors.contains("broken.json:"))
    }
}

/// docs/KEYMAP.md is what the keymap table prints, so the docs cannot drift from the keys.
@Suite struct KeymapDocumentTests {
    @Test func theKeymapDocumentIsTheKeymapTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let document = try String(contentsOf: root.appendingPathComponent("docs/KEYMAP.md"), encoding: .utf8)
        let printed = try CLIHarness().run(["console", "--keys"], useDatabase: false)
        #expect(printed.status == 0)
        #expect(printed.output.contains("| `?` |"))
        #expect(document == printed.output, "regenerate with: swift run smbtriage console --keys > docs/KEYMAP.md")
    }
}
