/// The lookup keys of every ECS field the ECS reader maps, either at the top level or under a
/// search hit's `_source`.
final class ECSFieldKeys: Sendable {
    typealias Key = FlatJSONObject.Key

    let timestamp, eventStart, eventEnd, eventDuration: Key
    let dataset, module, category, type, action, outcome, code: Key
    let sourceIP, sourcePort, sourceBytes, sourcePackets, sourceDomain: Key
    let destinationIP, destinationPort, destinationBytes, destinationPackets, destinationDomain: Key
    let transport, networkProtocol, direction, communityID: Key
    let flowID, flowFinal, agentFlowID, agentFlowFinal: Key
    let hostName, processExecutable, processID, userName, userDomain: Key
    let ecsVersion: Key
    /// Pre-ECS Packetbeat 6.x flows: `dest.ip` and `flow_id` instead of `destination.ip`, `flow.id`.
    let legacyDestinationIP, legacyFlowID: Key

    init(prefix: String) {
        func key(_ path: String) -> Key { Key(prefix + path) }
        timestamp = key("@timestamp")
        eventStart = key("event.start")
        eventEnd = key("event.end")
        eventDuration = key("event.duration")
        dataset = key("event.dataset")
        module = key("event.module")
        category = key("event.category")
        type = key("event.type")
        action = key("event.action")
        outcome = key("event.outcome")
        code = key("event.code")
        sourceIP = key("source.ip")
        sourcePort = key("source.port")
        sourceBytes = key("source.bytes")
        sourcePackets = key("source.packets")
        sourceDomain = key("source.domain")
        destinationIP = key("destination.ip")
        destinationPort = key("destination.port")
        destinationBytes = key("destination.bytes")
        destinationPackets = key("destination.packets")
        destinationDomain = key("destination.domain")
        transport = key("network.transport")
        networkProtocol = key("network.protocol")
        direction = key("network.direction")
        communityID = key("network.community_id")
        flowID = key("flow.id")
        flowFinal = key("flow.final")
        agentFlowID = key("network_traffic.flow.id")
        agentFlowFinal = key("network_traffic.flow.final")
        hostName = key("host.name")
        processExecutable = key("process.executable")
        processID = key("process.pid")
        userName = key("user.name")
        userDomain = key("user.domain")
        ecsVersion = key("ecs.version")
        legacyDestinationIP = key("dest.ip")
        legacyFlowID = key("flow_id")
    }

    /// Fields of a document as Beats and Agent publish it.
    static let topLevel = ECSFieldKeys(prefix: "")
    /// Fields of an Elasticsearch search hit or export (`{"_index":…,"_source":{…}}`).
    static let searchHit = ECSFieldKeys(prefix: "_source.")
}
