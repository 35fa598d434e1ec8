import Detection
import PropertyBased
import Testing
import TestSupport
@testable import Ingest

/// `EventBatch` moves events out of the chunk results it gathers; the batch it hands over must be
/// the plain concatenation of them, in order.
@Suite struct EventBatchTests {
    private static func events(lines: Range<Int>) -> [IngestedEvent] {
        lines.map { line in
            IngestedEvent(
                event: NetworkEvent(dataset: "network_traffic.flow \(line)", flowID: "flow \(line) of a long enough id"),
                origin: RecordOrigin(path: "/logs/flows.ndjson", line: line, format: "ecs",
                                     original: "record \(line) " + String(repeating: "x", count: line % 40))
            )
        }
    }

    @Test func theBatchIsEveryGatheredEventInOrder() async {
        await propertyCheck(count: 500, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            var batch = EventBatch()
            for _ in 0..<(1 + random.next(below: 3)) {
                var parts: [[IngestedEvent]] = []
                var line = 1
                for _ in 0..<random.next(below: 8) {
                    let count = random.next(below: 4) == 0 ? 0 : random.next(below: 30)
                    parts.append(Self.events(lines: line..<(line + count)))
                    line += count
                }
                for var part in parts {
                    batch.add(&part)
                    #expect(part.isEmpty)
                }
                #expect(batch.count == line - 1)
                #expect(batch.isEmpty == (line == 1))
                #expect(batch.take() == parts.flatMap { $0 })
                #expect(batch.isEmpty)
            }
        }
    }
}
