import BundledRules
import Detection
import Foundation
@testable import Ingest
import Testing
import TestSupport

/// ECS documents are matched as Elasticsearch holds them: a `network.transport` not in lowercase is
/// kept as written (the published rule never matches it) and reported once per file.
@Suite struct ECSTransportCaseTests {
    static func document(_ transport: String, port: Int) -> String {
        #"{"@timestamp":"2024-02-20T14:03:10Z","event":{"dataset":"network_traffic.flow","category":["network"]},"#
            + #""source":{"ip":"10.0.0.5","port":50000},"destination":{"ip":"52.85.10.20","port":\#(port)},"#
            + #""network":{"transport":"\#(transport)"}}"#
    }

    private func ingest(_ lines: [String]) throws -> FileSummary {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("flows.ndjson", text: lines.joined(separator: "\n") + "\n")
        return try LogIngestor(options: IngestOptions()).ingest(InputFile(path: path)) { _ in }
    }

    @Test func warnsOncePerFileAndKeepsTheValueAsWritten() throws {
        let summary = try ingest([
            Self.document("tcp", port: 443), Self.document("TCP", port: 445), Self.document("TCP", port: 139),
            Self.document("tcp", port: 445),
        ])
        #expect(summary.warnings == [IngestIssue(
            path: summary.path, line: 2,
            reason: "network.transport 'TCP' is not lowercase as ECS requires; the published rule never matches it"
        )])
        #expect(summary.rejected == 0)
        #expect(summary.events == 4)
        // Only the lowercase SMB flow is kept: `TCP` to 445 is not TCP to the rule.
        #expect(summary.smbEvents == 1)
        let event = try #require(readAll(ECSReader.self, Self.document("TCP", port: 445)).first?.event)
        #expect(event.transport == "TCP")
        #expect(try !CompiledRule(DetectionRule.bundled()).matches(event))
    }

    @Test func lowercaseTransportsRaiseNoWarning() throws {
        #expect(try ingest([Self.document("tcp", port: 445), Self.document("udp", port: 53)]).warnings.isEmpty)
    }
}
