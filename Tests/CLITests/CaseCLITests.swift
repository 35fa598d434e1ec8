import Foundation
import Testing

/// `smbtriage case` and `smbtriage cases`: the host as the analyst's case, from a shell.
@Suite struct CaseCLITests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    private func ingest(_ flows: [String]) throws {
        let run = try cli.run(["ingest", try cli.write("flows-\(UUID().uuidString).ndjson", ECSFixture.lines(flows))])
        #expect(run.status == 0, "\(run.errors)")
    }

    private func caseDocument(_ host: String) throws -> [String: Any] {
        let run = try cli.run(["case", host, "--json"])
        #expect(run.status == 0, "\(run.errors)")
        return try #require(run.jsonLines.first)
    }

    @Test func resolvingNeedsAVerdictClosesTheHostsAlertsAndNewAlertsReopenTheCase() throws {
        try ingest([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1, hostName: "WS-ANNA"),
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.11", serial: 2),
            ECSFixture.flow(source: "10.1.1.7", destination: "45.146.164.12", serial: 3),
        ])
        var document = try caseDocument("ws-anna")
        #expect(document["case.state"] as? String == "new" && document["alerts.open"] as? Int == 2)
        #expect(document["case.verdict"] is NSNull && document["case.checklist.steps"] as? Int == 6)

        let noVerdict = try cli.run(["case", "set", "ws-anna", "--state", "resolved"])
        #expect(noVerdict.status == 2)
        #expect(noVerdict.errors.contains("needs a verdict: true positive, benign true positive"), "\(noVerdict.errors)")
        let resolved = try cli.run(["case", "set", "ws-anna", "--state", "resolved", "--verdict", "true positive",
                                    "--reason", "data left for a paste site"])
        #expect(resolved.status == 0, "\(resolved.errors)")
        #expect(resolved.output == "case 10.1.1.5 now resolved (true positive); 2 alerts closed\n")
        let alerts = try cli.run(["alerts", "--host", "10.1.1.5", "--json"]).jsonLines
        #expect(alerts.map { $0["kibana.alert.workflow_status"] as? String } == ["closed", "closed"])
        #expect(alerts.map { $0["kibana.alert.workflow_reason"] as? String } == ["true_positive", "true_positive"])
        #expect(try cli.run(["alerts", "--host", "10.1.1.7", "--status", "open", "--json"]).jsonLines.count == 1)
        let again = try cli.run(["case", "set", "10.1.1.5", "--state", "resolved", "--verdict", "fp"])
        #expect(again.status == 1 && again.errors.contains("the case is already resolved."), "\(again.errors)")

        try ingest([ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.13", serial: 4)])
        document = try caseDocument("10.1.1.5")
        #expect(document["case.state"] as? String == "investigating" && document["case.verdict"] is NSNull)
        let reopened = try #require(document["case.reopened"] as? [String: Any])
        #expect(reopened["new_alerts"] as? Int == 1 && reopened["previous_verdict"] as? String == "true_positive")
        #expect(reopened["message"] as? String == "reopened: 1 new alert since resolved")
        let text = try cli.run(["case", "ws-anna"])
        #expect(text.output.contains("state      investigating\n           reopened: 1 new alert since resolved"),
                "\(text.output)")
        #expect(text.output.contains("reason     data left for a paste site (given when it was resolved)\n"), "\(text.output)")

        let cases = try cli.run(["cases", "--json"]).jsonLines
        #expect(cases.compactMap { $0["source.ip"] as? String }.sorted() == ["10.1.1.5", "10.1.1.7"])
        #expect(cases.first { $0["source.ip"] as? String == "10.1.1.5" }?["case.reopened.new_alerts"] as? Int == 1)
        #expect(try cli.run(["cases", "--state", "new", "--json"]).jsonLines.map { $0["source.ip"] as? String }
            == ["10.1.1.7"])
        let audit = try cli.run(["audit", "--json"]).jsonLines.filter { ($0["action"] as? String)?.hasPrefix("case.") == true }
        #expect(audit.map { $0["action"] as? String } == ["case.reopen", "case.state"])
        #expect(audit.allSatisfy { $0["source.ip"] as? String == "10.1.1.5" })
        #expect(audit.last?["actor"] as? String == "test-analyst")
    }

    @Test func theChecklistAndNotesAreTheCasesAndPrintSafely() throws {
        try ingest([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1),
            ECSFixture.flow(source: "10.1.1.6", destination: "10.1.1.9", serial: 2),
        ])
        let check = try cli.run(["case", "check", "10.1.1.5", "3"])
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.output == "step 3 ticked on case 10.1.1.5: 1/6\n")
        #expect(try cli.run(["case", "check", "10.1.1.5", "5"]).status == 0)
        #expect(try cli.run(["case", "uncheck", "10.1.1.5", "3"]).output == "step 3 cleared on case 10.1.1.5: 1/6\n")
        let outOfRange = try cli.run(["case", "check", "10.1.1.5", "7"])
        #expect(outOfRange.status == 2 && outOfRange.errors.contains("steps 1 to 6"), "\(outOfRange.errors)")
        let note = try cli.run(["case", "note", "10.1.1.5", "owner \u{1b}[31mon leave"])
        #expect(note.status == 0 && note.output.hasPrefix("note 1 added to case 10.1.1.5"), "\(note.errors)")

        let document = try caseDocument("10.1.1.5")
        #expect(document["case.checklist.checked"] as? [Int] == [5])
        let notes = try #require(document["case.notes"] as? [[String: Any]])
        #expect(notes.map { $0["text"] as? String } == ["owner \u{1b}[31mon leave"])
        let text = try cli.run(["case", "10.1.1.5"]).output
        #expect(text.contains("checklist  1/6") && text.contains("  [x] 5. ") && text.contains("  [ ] 3. "))
        #expect(text.contains("owner \\x1b[31mon leave") && !text.contains("\u{1b}"), "\(text)")

        let quiet = try cli.run(["case", "10.1.1.6"])
        #expect(quiet.status == 1 && quiet.errors.contains("10.1.1.6 is no case"), "\(quiet.errors)")
        #expect(try cli.run(["case", "note", "10.1.1.6", "x"]).status == 1)
        #expect(try cli.run(["cases", "--json"]).jsonLines.count == 1)
    }
}
