import Detection
import Foundation

/// The normalized event as the one `event.fields` BLOB holds it (schema v15), beside the columns
/// SQL filters, sorts or joins on (`seen_at`, `source_ip`, `source_ips`, `destination_ip`,
/// `destination_port`), which it leaves out.
///
/// Layout (a stored format: a field may be added at the end of the bitmap, none ever changes):
/// the version byte, a varint bitmap of the fields present, then each present field in bit order:
/// first the `plain` ones (integers as zigzag varints, times relative to `seen_at`, see
/// `CompactWriter.time`, strings as a `FieldVocabulary` index or their UTF-8 bytes, lists as a count
/// and their strings), then the extra destination addresses (a count and 16 bytes each), then a
/// v1 Community ID as its 20-byte hash or any other as a string; a flow report's finality is a bit.
enum EventFields {
    static let version: UInt8 = 1

    /// Where a plain field lives in `NetworkEvent`, and so how it is written.
    private enum Slot: Sendable {
        case time(WritableKeyPath<NetworkEvent, Date?> & Sendable)
        case integer(WritableKeyPath<NetworkEvent, Int64?> & Sendable)
        case small(WritableKeyPath<NetworkEvent, Int?> & Sendable)
        case text(WritableKeyPath<NetworkEvent, String?> & Sendable)
        case list(WritableKeyPath<NetworkEvent, [String]> & Sendable)
    }

    /// The fields written the same way, bit 0 up, in encoding order.
    private static let plain: [Slot] = [
        .time(\.timestamp), .time(\.start), .time(\.end), .integer(\.durationNanoseconds),
        .text(\.dataset), .text(\.module), .list(\.categories), .list(\.types), .text(\.action), .text(\.outcome),
        .text(\.code), .small(\.sourcePort), .integer(\.sourceBytes), .integer(\.sourcePackets), .text(\.sourceDomain),
        .integer(\.destinationBytes), .integer(\.destinationPackets), .text(\.destinationDomain), .text(\.transport),
        .text(\.applicationProtocol), .text(\.direction), .text(\.flowID), .text(\.connectionState),
        .text(\.observerHostName), .text(\.processExecutable), .small(\.processID), .text(\.userName),
        .text(\.userDomain), .text(\.ruleName), .text(\.ruleCategory), .small(\.severity), .text(\.threatName),
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
            case .time(let path):
                guard let value = event[keyPath: path] else { continue }
                body.time(value.storeSeconds, after: seenAt)
            case .integer(let path):
                guard let value = event[keyPath: path] else { continue }
                body.signed(value)
            case .small(let path):
                guard let value = event[keyPath: path] else { continue }
                body.signed(Int64(value))
            case .text(let path):
                guard let value = event[keyPath: path] else { continue }
                body.string(value)
            case .list(let path):
                let values = event[keyPath: path]
                guard !values.isEmpty else { continue }
                body.varint(UInt64(values.count))
                for value in values { body.string(value) }
            }
            present |= flag
        }
        if event.destinationIPs.count > 1 {
            present |= extraDestinationsBit
            body.varint(UInt64(event.destinationIPs.count - 1))
            for address in event.destinationIPs.dropFirst() { body.raw(address.storeBlob) }
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
    /// the fields from the damage on unset, an unknown version all of them.
    static func decode(_ data: Data, seenAt: Double, into event: inout NetworkEvent) {
        var reader = CompactReader([UInt8](data))
        guard reader.byte() == version, let present = reader.varint() else { return }
        for (bit, slot) in plain.enumerated() where present & (1 << UInt64(bit)) != 0 {
            switch slot {
            case .time(let path): event[keyPath: path] = reader.time(after: seenAt).map(Date.init(storeSeconds:))
            case .integer(let path): event[keyPath: path] = reader.signed()
            case .small(let path): event[keyPath: path] = reader.signed().map { Int(truncatingIfNeeded: $0) }
            case .text(let path): event[keyPath: path] = reader.string()
            case .list(let path): event[keyPath: path] = strings(&reader)
            }
        }
        if present & extraDestinationsBit != 0, let count = reader.varint() {
            for _ in 0..<min(count, 1 << 16) {
                guard let blob = reader.take(16), let address = IPAddress(storeBlob: Data(blob)) else { break }
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
