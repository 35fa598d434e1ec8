import Detection
import Foundation
import Testing
@testable import Ingest
import TestSupport

/// Every kept event leaves the pipeline with its Community ID: the record's own when well formed,
/// else computed from the 5-tuple.
@Suite struct CommunityIDAssignmentTests {
    private func ingest(_ name: String, as fileName: String) throws -> (FileSummary, [IngestedEvent]) {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(fileName, text: String(decoding: try fixture(name), as: UTF8.self))
        var events: [IngestedEvent] = []
        let summary = try LogIngestor(options: IngestOptions()).ingest(InputFile(path: path)) { events += $0 }
        return (summary, events)
    }

    @Test func keepsAValidCarriedIDAndComputesTheRestFromTheFiveTuple() throws {
        let (summary, events) = try ingest("vendor-layouts/suricata-eve-alerts.json", as: "eve.json")
        #expect(summary.smbEvents == 4)
        let carried = "1:EjVuVxetKISfm5zmYiOwtE5ZMrU="
        // The alert, anomaly and flow carry it; the fileinfo record's `1:abcd` is replaced by the
        // same ID computed from its 5-tuple.
        #expect(events.map(\.event.communityID) == Array(repeating: carried, count: 4))
        #expect(events[1].origin.original.contains("\"community_id\":\"1:abcd\""))
    }

    @Test func firewallRowsGetTheIDOfTheirFiveTuple() throws {
        let (_, events) = try ingest("vendor-layouts/panos-6.0-traffic.csv", as: "traffic.csv")
        let first = try #require(events.first?.event)
        let expected = CommunityID(source: ip("10.20.30.40"), sourcePort: 49250, destination: ip("52.85.10.20"),
                                   destinationPort: 445, transport: .tcp)
        #expect(first.communityID == expected?.description)
        #expect(events.allSatisfy { $0.event.communityID != nil })
    }
}
