import Detection
import Foundation

/// An ingested event with the per-record work that needs no store done: its fingerprint, its
/// fields encoded and its original record placed in one of its batch's compressed blocks
/// (`PreparedBatch`), so the writer thread spends its time on the store alone.
struct PreparedEvent: Sendable {
    let ingested: IngestedEvent
    /// `EventFingerprint.of` the record.
    let fingerprint: Data
    /// The event as `event.fields` stores it (`EventFields`).
    let storedFields: Data
    /// Which of its batch's `RecordBlock`s holds its record.
    let block: Int
    /// Its record's slot in that block.
    let slot: Int

    init(_ ingested: IngestedEvent, block: Int, slot: Int) {
        self.ingested = ingested
        fingerprint = EventFingerprint.of(ingested.origin)
        // The row's `seen_at` whenever the event has a time (only times are stored relative to it).
        let event = ingested.event
        let seenAt = (event.timestamp ?? event.start ?? event.end)?.storeSeconds ?? 0
        storedFields = EventFields.encoded(event, seenAt: seenAt)
        self.block = block
        self.slot = slot
    }
}
