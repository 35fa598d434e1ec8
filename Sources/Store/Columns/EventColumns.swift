import Detection
import Foundation
import GRDB
import TriageModel

/// How a `NetworkEvent` and its origin map to the columns of `event` (schema v15): the few
/// columns SQL filters, sorts or joins on, and the rest of the event as one `fields` BLOB
/// (`EventFields`), decoded only for the rows a read returns. One list of columns for writing and
/// one for reading, so both directions stay in step.
enum EventColumns {
    /// The event's own columns, in the order `bind(_:fields:to:)` binds them.
    static let fieldNames = ["source_ip", "source_ips", "destination_ip", "destination_port", "fields"]

    /// The columns `event(from:startingAt:)` reads, qualified with the table alias `e`.
    static let fieldSelection = (["seen_at"] + fieldNames).map { "e.\($0)" }.joined(separator: ", ")

    /// The columns `flow(from:startingAt:records:isFirstSeenDestination:)` reads: the event's id,
    /// ingest time and origin (its file's path and format from `origin_file`, its record: `original`,
    /// or its `RecordReference`, whose block `StoredRecordReader` reads once per read), then
    /// `fieldSelection`.
    static let selection = """
        e.id, e.ingested_at, (SELECT path FROM origin_file WHERE id = e.origin_id), e.origin_line,
        (SELECT format FROM origin_file WHERE id = e.origin_id), e.original, e.record_ref, \(fieldSelection)
        """

    /// How many columns `selection` reads.
    static let selectionCount = 8 + fieldNames.count

    /// Where `seen_at` is in `selection` (the first of `fieldSelection`, after seven columns).
    static let selectionSeenAtOffset = 7

    /// The columns of a record's origin, in the order `bind(originID:line:to:)` binds them. (Its
    /// record: `original`, since v24 empty and `recordReferenceName`.)
    static let originNames = ["origin_id", "origin_line"]

    /// The column that points at a record kept in a `RecordBlock` (v24): `RecordReference`.
    static let recordReferenceName = "record_ref"

    /// Binds where a record came from: its `origin_file` row and its line.
    static func bind(originID: Int64, line: Int, to statement: inout RawStatement) {
        statement.bind(originID)
        statement.bind(line)
    }

    /// Binds the values of `fieldNames` for `event`, whose other fields `fields` holds encoded,
    /// its addresses in `form`.
    static func bind(_ event: NetworkEvent, fields: Data, addresses form: AddressForm = .tagged,
                     to statement: inout RawStatement) {
        statement.bind(event.sourceIPs.first, as: form)
        statement.bind(event.sourceIPs.count > 1 ? form.blob(event.sourceIPs) : nil)
        statement.bind(event.destinationIPs.first, as: form)
        statement.bind(event.destinationPort)
        statement.bind(fields)
    }

    /// Decodes the columns of `selection`, starting at column `start` of `row`, its record through
    /// `records` (one reader per read).
    static func flow(from row: Row, startingAt start: Int = 0, records: StoredRecordReader,
                     isFirstSeenDestination: Bool) throws -> StoredFlow {
        let id: Int64 = row[start] ?? 0
        let ingestedAt = (row[start + 1] as Double?).map(Date.init(storeSeconds:)) ?? .distantPast
        let original = try records.text(original: row[start + 5], reference: row[start + 6])
        let origin = RecordOrigin(path: row[start + 2] ?? "", line: row[start + 3] ?? 0, format: row[start + 4] ?? "",
                                  original: original)
        return StoredFlow(id: id, event: event(from: row, startingAt: start + selectionSeenAtOffset), origin: origin,
                          ingestedAt: ingestedAt, isFirstSeenDestination: isFirstSeenDestination)
    }

    /// Decodes the columns of `fieldSelection`, starting at column `start` of `row`.
    static func event(from row: some ColumnReading, startingAt start: Int) -> NetworkEvent {
        let column = Int32(start)
        var event = NetworkEvent()
        if let all = row.blob(column + 2) {
            event.sourceIPs = IPAddress.addresses(storeBlob: all)
        } else if let source = row.address(column + 1) {
            event.sourceIPs = [source]
        }
        if let destination = row.address(column + 3) { event.destinationIPs = [destination] }
        event.destinationPort = row.int64(column + 4).map { Int(truncatingIfNeeded: $0) }
        if let fields = row.blob(column + 5) {
            EventFields.decode(fields, seenAt: row.double(column) ?? 0, into: &event)
        }
        return event
    }
}
