import Detection
import Foundation

/// The identities the store gives an ingested event.
enum EventFingerprint {
    /// The fixed SipHash key, the ASCII bytes of "smbtriage-fp-v1!" read little-endian: every
    /// store and every build must give a record the same fingerprint, so the key is part of the
    /// schema.
    static let key: (k0: UInt64, k1: UInt64) = (0x6761_6972_7462_6d73, 0x2131_762d_7066_2d65)

    /// SipHash-2-4-128 of the format name, a zero byte and the original record text:
    /// re-ingesting the same record gives the same fingerprint, so it is stored once. The three
    /// parts are hashed in turn, not joined into one string first.
    static func of(_ origin: RecordOrigin) -> Data {
        var hasher = SipHash128(k0: key.k0, k1: key.k1)
        var format = origin.format, original = origin.original
        format.withUTF8 { hasher.append(UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: UInt8(0)) { hasher.append($0) }
        original.withUTF8 { hasher.append(UnsafeRawBufferPointer($0)) }
        return hasher.finish()
    }

    /// The identity of a Packetbeat flow across its cumulative reports (dataset and flow id),
    /// nil for events that are not Packetbeat flow reports. Length-prefixed so no two
    /// (dataset, flow id) pairs share a key.
    static func flowKey(of event: NetworkEvent) -> String? {
        guard event.isFinalReport != nil, let flowID = event.flowID else { return nil }
        let dataset = event.dataset ?? ""
        return "\(dataset.utf8.count):\(dataset)\(flowID)"
    }
}
