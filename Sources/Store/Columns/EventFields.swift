import Detection
import Foundation

/// The normalized event as the one `event.fields` BLOB holds it (schema v15), beside the columns
/// SQL filters, sorts or joins on (`seen_at`, `source_ip`, `source_ips`, `destination_ip`,
/// `destination_port`), which it leaves out.
///
/// Layout (a stored format: nothing here ever changes; a new field takes the next free bit after
/// `openReportBit` and is written after the Community ID):
/// the version byte, a varint bitmap of the fields present, then each present field in bit order:
/// first the `plain` ones (integers as zigzag varints, times relative to `seen_at`, see
/// `CompactWriter.time`, strings as a `FieldVocabulary` index or their UTF-8 bytes, lists as a count
/// and their strings), then the extra destination addresses (a count and 16 bytes each), then a
/// v1 Community ID as its 20-byte hash or any other as a string; a flow report's finality is a bit.
enum EventFields {
    static let version: UInt8 = 1

    /// How a plain field is read from and set on a `NetworkEvent`, and so how it is written.
    /// Closures, not key paths: reading a struct through a key path copies the whole struct (with
    /// its strings and arrays), which made encoding cost about 11 µs per event (1.3 µs with closures; perf, store-benchmark).
    private enum Slot: Sendable {
        case time(@Sendable (NetworkEvent) -> Date?, @Sendable (inout NetworkEvent, Date?) -> Void)
        case integer(@Sendable (NetworkEvent) -> Int64?, @Sendable (inout NetworkEvent, Int64?) -> Void)
        case small(@Sendable (NetworkEvent) -> Int?, @Sendable (inout NetworkEvent, Int?) -> Void)
        case text(@Sendable (NetworkEvent) -> String?, @Sendable (inout NetworkEvent, String?) -> Void)
        case list(@Sendable (NetworkEvent) -> [String], @Sendable (inout NetworkEvent, [String]) -> Void)
    }

    /// The fields written the same way, bit 0 up, in encoding order.
    private static let plain: [Slot] = [
        .time({ $0.timestamp }, { $0.timestamp = $1 }), .time({ $0.start }, { $0.start = $1 }),
        .time({ $0.end }, { $0.end = $1 }),
        .integer({ $0.durationNanoseconds }, { $0.durationNanoseconds = $1 }),
        .text({ $0.dataset }, { $0.dataset = $1 }), .text({ $0.module }, { $0.module = $1 }),
        .list({ $0.categories }, { $0.categories = $1 }), .list({ $0.types }, { $0.types = $1 }),
        .text({ $0.action }, { $0.action = $1 }), .text({ $0.outcome }, { $0.outcome = $1 }),
        .text({ $0.code }, { $0.code = $1 }), .small({ $0.sourcePort }, { $0.sourcePort = $1 }),
        .integer({ $0.sourceBytes }, { $0.sourceBytes = $1 }),
        .integer({ $0.sourcePackets }, { $0.sourcePackets = $1 }),
        .text({ $0.sourceDomain }, { $0.sourceDomain = $1 }),
        .integer({ $0.destinationBytes }, { $0.destinationBytes = $1 }),
        .integer({ $0.destinationPackets }, { $0.destinationPackets = $1 }),
        .text({ $0.destinationDomain }, { $0.destinationDomain = $1 }),
        .text({ $0.transport }, { $0.transport = $1 }),
        .text({ $0.applicationProtocol }, { $0.applicationProtocol = $1 }),
        .text({ $0.direction }, { $0.direction = $1 }), .text({ $0.flowID }, { $0.flowID = $1 }),
        .text({ $0.connectionState }, { $0.connectionState = $1 }),
        .text({ $0.observerHostName }, { $0.observerHostName = $1 }),
        .text({ $0.processExecutable }, { $0.processExecutable = $1 }),
        .small({ $0.processID }, { $0.processID = $1 }), .text({ $0.userName }, { $0.userName = $1 }),
        .text({ $0.userDomain }, { $0.userDomain = $1 }), .text({ $0.ruleName }, { $0.ruleName = $1 }),
        .text({ $0.ruleCategory }, { $0.ruleCategory = $1 }), .small({ $0.severity }, { $0.severity = $1 }),
        .text({ $0.threatName }, { $0.threatName = $1 }),
    ]

    /// The bits after the plain fields'.
    private static let extraDestinationsBit: UInt64 = 1 << 32
    private static let communityHashBit: UInt64 = 1 << 33
    private static let communityTextBit: UInt64 = 1 << 34
    private static let finalReportBit: UInt64 = 1 << 35
    private static let openReportBit: UInt64 = 1 << 36

    /// `event`'s fields, but for those with columns of their own; `seenAt` is the row's `seen_at`
    /// (the first of timestamp, start and end, so times are stored as small offsets from it).
    static func encoded(_ event: NetworkEvent, seenAt: Double) -> Data {
        var present: UInt64 = 0
        var body = CompactWriter(capacity: 96)
        for (bit, slot) in plain.enumerated() {
            let flag: UInt64 = 1 << UInt64(bit)
            switch slot {
            case .time(let get, _):
                guard let value = get(event) else { continue }
                body.time(value.storeSeconds, after: seenAt)
            case .integer(let get, _):
                guard let value = get(event) else { continue }
                body.signed(value)
            case .small(let get, _):
                guard let value = get(event) else { continue }
                body.signed(Int64(value))
            case .text(let get, _):
                guard let value = get(event) else { continue }
                body.string(value)
            case .list(let get, _):
                let values = get(event)
                guard !values.isEmpty else { continue }
                body.varint(UInt64(values.count))
                for value in values { body.string(value) }
            }
            present |= flag
        }
        if event.destinationIPs.count > 1 {
            present |= extraDestinationsBit
            body.varint(UInt64(event.destinationIPs.count - 1))
            for address in event.destinationIPs.dropFirst() { body.raw(address.mappedBytes) }
        }
        if let hash = event.communityID.flatMap(communityHash) {
            present |= communityHashBit
            body.raw(hash)
        } else if let communityID = event.communityID {
            present |= communityTextBit
            body.string(communityID)
        }
        if let isFinal = event.isFinalReport { present |= isFinal ? finalReportBit : openReportBit }

        var header = CompactWriter(capacity: 8 + body.bytes.count)
        header.byte(version)
        header.varint(present)
        header.raw(body.bytes)
        return Data(header.bytes)
    }

    /// Sets the fields `encoded(_:seenAt:)` wrote into `data` on `event`; a damaged value leaves
    /// the fields from the damage on unset (a list keeps the items before the damage), an unknown
    /// version all of them.
    static func decode(_ data: Data, seenAt: Double, into event: inout NetworkEvent) {
        var reader = CompactReader([UInt8](data))
        guard reader.byte() == version, let present = reader.varint() else { return }
        for (bit, slot) in plain.enumerated() where present & (1 << UInt64(bit)) != 0 {
            switch slot {
            case .time(_, let set): set(&event, reader.time(after: seenAt).map(Date.init(storeSeconds:)))
            case .integer(_, let set): set(&event, reader.signed())
            case .small(_, let set): set(&event, reader.signed().map { Int(truncatingIfNeeded: $0) })
            case .text(_, let set): set(&event, reader.string())
            case .list(_, let set): set(&event, strings(&reader))
            }
        }
        if present & extraDestinationsBit != 0, let count = reader.varint() {
            for _ in 0..<min(count, 1 << 16) {
                guard let blob = reader.take(16), let address = IPAddress(mappedBytes: Data(blob)) else { break }
                event.destinationIPs.append(address)
            }
        }
        if present & communityHashBit != 0 {
            event.communityID = reader.take(20).map { "1:" + Data($0).base64EncodedString() }
        } else if present & communityTextBit != 0 {
            event.communityID = reader.string()
        }
        event.isFinalReport = present & finalReportBit != 0 ? true : present & openReportBit != 0 ? false : nil
    }

    /// A list's count and strings; what a damaged one holds before the damage.
    private static func strings(_ reader: inout CompactReader) -> [String] {
        guard let count = reader.varint() else { return [] }
        var values: [String] = []
        for _ in 0..<min(count, 1 << 16) {
            guard let value = reader.string() else { break }
            values.append(value)
        }
        return values
    }

    /// The 20-byte hash of a Community ID v1 (`1:` and its base64), when the text is exactly
    /// what decoding and encoding it again gives back.
    private static func communityHash(_ communityID: String) -> Data? {
        guard communityID.utf8.count == 30, communityID.hasPrefix("1:"),
              let hash = Data(base64Encoded: String(communityID.dropFirst(2))), hash.count == 20,
              "1:" + hash.base64EncodedString() == communityID else { return nil }
        return hash
    }
}
