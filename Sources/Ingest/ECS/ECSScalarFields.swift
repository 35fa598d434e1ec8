import Foundation
import Detection

/// The fields of an ECS document that can reject it (numbers, flags, timestamps) and whether it is
/// SMB (`NetworkEvent.isSMB`, decided on the bytes of the fields it reads): read before anything
/// else, so a document that is not SMB can be checked without building its event or any string.
struct ECSScalarFields {
    let timestamp, start, end: Date?
    let durationNanoseconds: Int64?
    let sourcePort, destinationPort: Int?
    let sourceBytes, sourcePackets, destinationBytes, destinationPackets: Int64?
    let isFinalReport: Bool?
    let processID: Int?
    /// `NetworkEvent.isSMB` of the event these fields belong to.
    let isSMB: Bool

    init(_ object: FlatJSONObject, keys: borrowing ECSFieldKeys) throws(FieldRejection) {
        timestamp = try object.timestamp(keys.timestamp)
        start = try object.timestamp(keys.eventStart)
        end = try object.timestamp(keys.eventEnd)
        durationNanoseconds = try object.count(keys.eventDuration)
        sourcePort = try object.port(keys.sourcePort)
        sourceBytes = try object.count(keys.sourceBytes)
        sourcePackets = try object.count(keys.sourcePackets)
        destinationPort = try object.port(keys.destinationPort)
        destinationBytes = try object.count(keys.destinationBytes)
        destinationPackets = try object.count(keys.destinationPackets)
        if let flowFinal = try object.flag(keys.flowFinal) {
            isFinalReport = flowFinal
        } else {
            isFinalReport = try object.flag(keys.agentFlowFinal)
        }
        processID = try object.count(keys.processID).flatMap { Int(exactly: $0) }
        isSMB = NetworkEvent.isSMB(
            transport: object.firstValue(keys.transport)?.bytes, sourcePort: sourcePort, destinationPort: destinationPort,
            dataset: object.firstValue(keys.dataset)?.bytes, applicationProtocol: object.firstValue(keys.networkProtocol)?.bytes
        )
    }
}
