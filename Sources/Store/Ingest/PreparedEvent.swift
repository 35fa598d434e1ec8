import Detection
import Foundation

/// An ingested event with the per-record work that needs no store done: its fingerprint, its
/// fields encoded and its original record compressed. `BatchInserter.add` makes these on the thread that hands events
/// over, so the writer thread spends its time on the store alone.
struct PreparedEvent: Sendable {
    let ingested: IngestedEvent
    /// `EventFingerprint.of` the record.
    let fingerprint: Data
    /// The event as `event.fields` stores it (`EventFields`).
    let storedFields: Data
    /// The record as `event.original` stores it (`StoredRecord`).
    let storedOriginal: Data

    init(_ ingested: IngestedEvent, compressor: RecordCompressor) {
        self.ingested = ingested
        fingerprint = EventFingerprint.of(ingested.origin)
        // The row's `seen_at` whenever the event has a time (only times are stored relative to it).
        let event = ingested.event
        let seenAt = (event.timestamp ?? event.start ?? event.end)?.storeSeconds ?? 0
        storedFields = EventFields.encoded(event, seenAt: seenAt)
        storedOriginal = compressor.compress(ingested.origin.original, format: ingested.origin.format)
    }
}
