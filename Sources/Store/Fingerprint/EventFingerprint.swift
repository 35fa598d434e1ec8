import Detection
import Foundation

/// The identities the store gives an ingested event.
enum EventFingerprint {
    /// SHA-256 of the format name and the original record text: re-ingesting the same record
    /// gives the same fingerprint, so it is stored once.
    static func of(_ origin: RecordOrigin) -> Data {
        var message = Array(origin.format.utf8)
        message.append(0)
        message.append(contentsOf: origin.original.utf8)
        return Data(SHA256.digest(message))
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
