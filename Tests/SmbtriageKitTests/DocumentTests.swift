import BundledRules
import Detection
import Foundation
import SmbtriageKit
import Store
import Testing

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
