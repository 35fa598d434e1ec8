import Detection
import Foundation

/// One write transaction's events (`PreparedEvent`) and the `RecordBlock`s that hold their
/// original records (`RecordBlockBuilder`: consecutive records of one format share a block),
/// made on the thread that hands events over (`BatchInserter.add`); `close` compresses the last
/// block.
struct PreparedBatch: Sendable {
    private(set) var events: [PreparedEvent] = []
    private var builder = RecordBlockBuilder()

    init(capacity: Int = 0) {
        events.reserveCapacity(capacity)
    }

    /// The batch of `events`, closed.
    init(_ events: [IngestedEvent]) {
        let compressor = RecordCompressor()
        self.init(capacity: events.count)
        for event in events { append(event, compressor: compressor) }
        close(compressor: compressor)
    }

    var isEmpty: Bool { events.isEmpty }
    var count: Int { events.count }

    /// The blocks of the events' records; complete once `close` ran.
    var blocks: [RecordBlock] { builder.blocks }

    /// Adds `ingested`, its record placed in a block by `compressor`.
    mutating func append(_ ingested: IngestedEvent, compressor: RecordCompressor) {
        let place = builder.add(ingested.origin.original, format: ingested.origin.format, compressor: compressor)
        events.append(PreparedEvent(ingested, block: place.block, slot: place.slot))
    }

    /// Compresses the last block: call once every event is in, before the batch is written.
    mutating func close(compressor: RecordCompressor) {
        builder.close(compressor: compressor)
    }
}
