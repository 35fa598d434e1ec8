import Detection
import Foundation

extension SMBStore {
    /// Stores SMB events in one transaction: re-ingesting a record is a no-op, a later Packetbeat
    /// report of a flow replaces the earlier one, and the host aggregates follow.
    @discardableResult
    public func insert(_ events: [IngestedEvent], ingestedAt: Date) throws -> InsertResult {
        let compressor = RecordCompressor()
        return try insert(prepared: events.map { PreparedEvent($0, compressor: compressor) }, ingestedAt: ingestedAt)
    }

    /// `insert(_:ingestedAt:)` for events whose per-record work is done (`PreparedEvent`).
    func insert(prepared events: [PreparedEvent], ingestedAt: Date) throws -> InsertResult {
        try write("storing events") { db in
            var writer = try EventWriter(db: db, rule: Self.activeRule(db, in: rules), ingestedAt: ingestedAt)
            writer.reserveCapacity(forEvents: events.count)
            for event in events { try writer.add(event) }
            try writer.flushAggregates()
            return writer.result
        }
    }
}
