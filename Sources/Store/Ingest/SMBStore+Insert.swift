import Detection
import Foundation

extension SMBStore {
    /// Stores SMB events in one transaction: re-ingesting a record is a no-op, a later Packetbeat
    /// report of a flow replaces the earlier one, and the host aggregates follow.
    @discardableResult
    public func insert(_ events: [IngestedEvent], ingestedAt: Date) throws -> InsertResult {
        try insert(prepared: PreparedBatch(events), ingestedAt: ingestedAt)
    }

    /// `insert(_:ingestedAt:)` for events whose per-record work is done (`PreparedBatch`).
    func insert(prepared batch: PreparedBatch, ingestedAt: Date) throws -> InsertResult {
        try write("storing events") { db in
            var writer = try EventWriter(db: db, rule: Self.activeRule(db, in: rules), ingestedAt: ingestedAt)
            writer.reserveCapacity(forEvents: batch.events.count)
            try writer.add(batch)
            try writer.flushAggregates()
            return writer.result
        }
    }
}
