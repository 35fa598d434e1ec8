import Detection
import Foundation

/// One write transaction's events (`PreparedEvent`) and the `RecordBlock`s that hold their
/// original records (`RecordBlockBuilder`: consecutive records of one format share a block),
/// made on the thread that hands events over (`BatchInserter.add`), every block compressed: a
/// batch comes only from `init(_:)` or `Gathering.close`, so none is written with its last block
/// missing.
struct PreparedBatch: Sendable {
    let events: [PreparedEvent]
    let blocks: [RecordBlock]

    /// The batch of `events`.
    init(_ events: [IngestedEvent]) {
        let compressor = RecordCompressor()
        var gathering = Gathering(capacity: events.count)
        for event in events { gathering.append(event, compressor: compressor) }
        self = gathering.close(compressor: compressor)
    }

    private init(events: [PreparedEvent], blocks: [RecordBlock]) {
        self.events = events
        self.blocks = blocks
    }

    /// A batch's events as they are handed over, their records placed in blocks as they come.
    struct Gathering {
        private var events: [PreparedEvent] = []
        private var builder = RecordBlockBuilder()

        init(capacity: Int = 0) {
            events.reserveCapacity(capacity)
        }

        var isEmpty: Bool { events.isEmpty }
        var count: Int { events.count }

        /// Adds `ingested`, its record placed in a block by `compressor`.
        mutating func append(_ ingested: IngestedEvent, compressor: RecordCompressor) {
            let place = builder.add(ingested.origin.original, format: ingested.origin.format, compressor: compressor)
            events.append(PreparedEvent(ingested, block: place.block, slot: place.slot))
        }

        /// The batch of the events so far, the last block compressed by `compressor`.
        mutating func close(compressor: RecordCompressor) -> PreparedBatch {
            builder.close(compressor: compressor)
            return PreparedBatch(events: events, blocks: builder.blocks)
        }
    }
}
