import Detection

extension NetworkEvent {
    /// Gives the event its Community ID v1: the one the record carries when it is well formed
    /// (`network.community_id`, Zeek's and Suricata's `community_id`), else one computed from the
    /// 5-tuple with seed 0, as Elastic's `community_id` processor does for the panw and suricata
    /// pipelines. Left nil when the event lacks an address, a port or a known transport.
    mutating func settleCommunityID() {
        if let carried = communityID, CommunityID(validating: carried) != nil { return }
        communityID = computedCommunityID()?.description
    }

    private func computedCommunityID() -> CommunityID? {
        guard let source = sourceIPs.first, let destination = destinationIPs.first,
              let sourcePort, let destinationPort,
              let transport, let protocolNumber = CommunityID.TransportProtocol(transport: transport)
        else { return nil }
        return CommunityID(source: source, sourcePort: sourcePort, destination: destination,
                           destinationPort: destinationPort, transport: protocolNumber)
    }
}
