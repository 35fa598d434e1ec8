import BundledRules
import Detection
import Foundation
import Ingest
import Store
import Testing
import TriageModel
@testable import SmbtriageKit

/// What the store gives back of a flow is what the reader made of its record: every field of the
/// normalized event and the whole origin, for every record of demo-data/ (all formats).
@Suite struct StoredFlowFidelityTests {
    private static let demoData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("demo-data")

    private struct RecordKey: Hashable {
        let path: String
        let line: Int
    }

    @Test func everyStoredFlowIsTheEventItsReaderMade() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smbtriage-fidelity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SMBStore(path: directory.appendingPathComponent("store.db").path, rules: .bundled())
        var read: [RecordKey: IngestedEvent] = [:]
        let ingestor = LogIngestor(options: IngestOptions())
        for input in try DemoData.inputs(in: Self.demoData) {
            _ = try ingestor.ingest(input) { batch in
                for event in batch { read[RecordKey(path: event.origin.path, line: event.origin.line)] = event }
                _ = try store.insert(batch, ingestedAt: Date(timeIntervalSinceReferenceDate: 800_000_000))
            }
        }
        var compared = 0
        for host in Set(read.values.compactMap(\.event.sourceIPs.first)) {
            for flow in try store.history(of: host, offset: 0, limit: 1_000_000).rows {
                let original = try #require(read[RecordKey(path: flow.origin.path, line: flow.origin.line)])
                #expect(flow.event == original.event, "\(flow.origin.path):\(flow.origin.line)")
                #expect(flow.origin == original.origin, "\(flow.origin.path):\(flow.origin.line)")
                compared += 1
            }
        }
        let stored = try store.statistics().flows
        #expect(compared > 1_000 && compared == stored)
    }
}
