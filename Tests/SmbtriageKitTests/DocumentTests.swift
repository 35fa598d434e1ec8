import BundledRules
import Detection
import Foundation
import SmbtriageKit
import Store
import Testing
import TriageModel

/// Every `--json` document against the lines the JSONSerialization-based documents printed before
/// they became `Encodable` types (Fixtures/documents, written by that code): same keys, values and
/// (sorted) key order.
@Suite struct DocumentTests {
    private let rules: RuleCatalog
    private let now = DocumentSamples.time.addingTimeInterval(3600)

    init() throws {
        rules = try RuleCatalog.bundled()
    }

    private func expectGolden(_ name: String, _ documents: [some Encodable]) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/documents/\(name)", withExtension: "jsonl"))
        let expected = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let lines = try documents.map { String(decoding: try JSONLines.line($0), as: UTF8.self) }
        #expect(lines.allSatisfy { $0.hasSuffix("\n") })
        let printed = lines.map { String($0.dropLast()) }
        #expect(printed.count == expected.count)
        for (line, golden) in zip(printed, expected) { #expect(line == golden) }
    }

    @Test func alertDocumentsOfBothVersions() throws {
        var documents: [AlertDocument] = []
        for version in [103, 108] {
            let rule = try #require(rules.rule(version: version)).rule
            documents += DocumentSamples.alerts(rule: rule).map { AlertDocument($0, rule: rule) }
        }
        try expectGolden("alert", documents)
    }

    @Test func anAlertClosedByItsCasesVerdictCarriesKibanasClosingReason() throws {
        let rule = try #require(rules.rule(version: 103)).rule
        var alert = DocumentSamples.alerts(rule: rule)[0]
        var reasons: [String?] = []
        for closeReason in ["true positive", "benign true positive", "false positive", "duplicate", "matches exception x"] {
            alert.closeReason = closeReason
            let line = try JSONLines.line(AlertDocument(alert, rule: rule))
            let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
            #expect(object["kibana.alert.workflow_status"] as? String == "closed")
            reasons.append(object["kibana.alert.workflow_reason"] as? String)
        }
        #expect(reasons == ["true_positive", "benign_positive", "false_positive", "duplicate", "matches exception x"])
    }

    @Test func caseDocumentsGiveTheVerdictAsKibanasClosingReason() throws {
        let host = DocumentSamples.hosts[0]
        let hostCase = HostCase(
            host: host.address, hostName: DocumentSamples.hostile, state: .investigating, verdict: nil, reason: "looking",
            changedAt: DocumentSamples.time, changedBy: "ana", resolvedAt: DocumentSamples.time,
            reopening: CaseReopening(at: DocumentSamples.time, previousVerdict: .truePositive, newAlerts: 12),
            checkedGuideSteps: [0, 4, 9], notes: [CaseNote(id: 3, host: host.address, author: "ana",
                                                           createdAt: DocumentSamples.time, text: "owner away")],
            openAlerts: 12, acknowledgedAlerts: 0, closedAlerts: 765, alertNotes: 2)
        let line = try JSONLines.line(CaseDocument(hostCase, guideSteps: 6))
        let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        #expect(object["case.state"] as? String == "investigating" && object["case.verdict"] is NSNull)
        #expect(object["case.checklist.checked"] as? [Int] == [1, 5] && object["case.checklist.steps"] as? Int == 6)
        let reopened = try #require(object["case.reopened"] as? [String: Any])
        #expect(reopened["previous_verdict"] as? String == "true_positive" && reopened["new_alerts"] as? Int == 12)
        #expect(reopened["message"] as? String == "reopened: 12 new alerts since resolved")
        #expect((object["case.notes"] as? [[String: Any]])?.first?["text"] as? String == "owner away")
        #expect(object["alerts.closed"] as? Int == 765 && object["alerts.notes"] as? Int == 2)

        let progress = CaseProgress(state: .resolved, verdict: .benignTruePositive, checkedGuideSteps: 7, reopenedBy: nil)
        let row = try #require(try JSONSerialization.jsonObject(
            with: try JSONLines.line(CaseRowDocument(host, progress, guideSteps: 6))) as? [String: Any])
        #expect(row["source.ip"] as? String == "10.1.1.5" && row["alerts.open"] as? Int == 2)
        #expect(row["case.state"] as? String == "resolved" && row["case.verdict"] as? String == "benign_positive")
        #expect(row["case.checklist.checked"] as? Int == 6 && row["case.reopened.new_alerts"] is NSNull)
    }

    @Test func historyFlowDocuments() throws {
        try expectGolden("history-flow", DocumentSamples.flows.map { flow in
            var document = EventDocument(flow)
            document.isFirstSeenDestination = flow.isFirstSeenDestination
            return document
        })
    }

    @Test func flowSummaryDocuments() throws {
        try expectGolden("flow-summary", DocumentSamples.flowSummaries.map(FlowSummaryDocument.init))
    }

    @Test func hostDocuments() throws {
        try expectGolden("host", DocumentSamples.hosts.map(HostDocument.init))
    }

    @Test func auditEntryDocuments() throws {
        try expectGolden("audit", DocumentSamples.auditEntries.map(AuditEntryDocument.init))
    }

    @Test func noteDocuments() throws {
        try expectGolden("note", DocumentSamples.notes.map(NoteDocument.init))
    }

    @Test func exceptionDocuments() throws {
        try expectGolden("exception", DocumentSamples.exceptions.map { ExceptionDocument($0, now: now, staleDays: 30) })
    }

    @Test func retentionAndPruneDocuments() throws {
        try expectGolden("retention", [RetentionPolicyDocument(DocumentSamples.retention)])
        try expectGolden("prune", [true, false].map { dryRun in
            PruneDocument(DocumentSamples.prune, dryRun: dryRun, bytesBefore: 5 << 20,
                          bytesAfter: dryRun ? 5 << 20 : 3 << 20, switchedOnIncrementalVacuum: !dryRun)
        })
    }

    @Test func ruleDocuments() throws {
        try expectGolden("rule-version", rules.all.map { RuleVersionDocument($0.rule, isActive: $0.rule.version == 108) })
        try expectGolden("rule", rules.all.map { RuleDocument($0.rule, coverage: coverageNotes(for: $0)) })
    }

    @Test func storeStatisticsCarryTheRetentionPolicyAndNullForNoFlows() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SMBStore(path: directory.appendingPathComponent("s.db").path, rules: rules)
        let statistics = try store.statistics()
        let line = try JSONLines.line(StoreStatisticsDocument(statistics, path: store.path))
        let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        #expect(Set(object.keys) == ["path", "flows", "flow_summaries", "summarized_flows", "open_alerts",
                                     "acknowledged_alerts", "closed_alerts", "hosts", "exceptions", "notes",
                                     "audit_entries", "oldest_flow", "newest_flow", "database_bytes", "wal_bytes",
                                     "retention", "incremental_vacuum"])
        #expect(object["path"] as? String == store.path)
        #expect(object["oldest_flow"] is NSNull && object["newest_flow"] is NSNull)
        #expect(object["database_bytes"] as? Int64 == statistics.databaseBytes)
        #expect(object["retention"] as? [String: Int] == ["flows_days": 30, "closed_alerts_days": 180, "audit_days": 730])
        #expect(String(decoding: line, as: UTF8.self).hasPrefix("{\"acknowledged_alerts\":"), "keys are written sorted")
    }
}
