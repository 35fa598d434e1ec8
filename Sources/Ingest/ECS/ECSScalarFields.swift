import Foundation
import Detection

/// The fields of an ECS document that can reject it (numbers, flags, timestamps) and the few
/// strings that decide `NetworkEvent.isSMB`: read before anything else, so a document that is not
/// SMB can be checked without building its event.
struct ECSScalarFields {
    let timestamp, start, end: Date?
    let durationNanoseconds: Int64?
    let sourcePort, destinationPort: Int?
    let sourceBytes, sourcePackets, destinationBytes, destinationPackets: Int64?
    let isFinalReport: Bool?
    let processID: Int?
    let dataset, transport, applicationProtocol: String?

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
        dataset = object.string(keys.dataset)
        transport = object.string(keys.transport)
        applicationProtocol = object.string(keys.networkProtocol)
    }

    /// `NetworkEvent.isSMB` of the event these fields belong to.
    var isSMB: Bool {
        NetworkEvent.isSMB(transport: transport, sourcePort: sourcePort, destinationPort: destinationPort,
                           dataset: dataset, applicationProtocol: applicationProtocol)
    }
}
