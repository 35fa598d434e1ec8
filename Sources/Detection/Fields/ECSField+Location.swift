extension ECSField {
    /// The `NetworkEvent` property that holds this field.
    var location: EventFieldLocation {
        switch self {
        case .sourceIP: EventFieldLocation(\.sourceIPs)
        case .destinationIP: EventFieldLocation(\.destinationIPs)
        case .sourcePort: EventFieldLocation(\.sourcePort)
        case .destinationPort: EventFieldLocation(\.destinationPort)
        case .sourceBytes: EventFieldLocation(\.sourceBytes)
        case .destinationBytes: EventFieldLocation(\.destinationBytes)
        case .sourcePackets: EventFieldLocation(\.sourcePackets)
        case .destinationPackets: EventFieldLocation(\.destinationPackets)
        case .processPID: EventFieldLocation(\.processID)
        case .eventDataset: EventFieldLocation(\.dataset)
        case .eventModule: EventFieldLocation(\.module)
        case .eventCategory: EventFieldLocation(\.categories)
        case .eventType: EventFieldLocation(\.types)
        case .eventAction: EventFieldLocation(\.action)
        case .eventOutcome: EventFieldLocation(\.outcome)
        case .eventCode: EventFieldLocation(\.code)
        case .networkTransport: EventFieldLocation(\.transport)
        case .networkProtocol: EventFieldLocation(\.applicationProtocol)
        case .networkDirection: EventFieldLocation(\.direction)
        case .networkCommunityID: EventFieldLocation(\.communityID)
        case .flowID: EventFieldLocation(\.flowID)
        case .hostName: EventFieldLocation(\.observerHostName)
        case .sourceDomain: EventFieldLocation(\.sourceDomain)
        case .destinationDomain: EventFieldLocation(\.destinationDomain)
        case .processExecutable: EventFieldLocation(\.processExecutable)
        case .userName: EventFieldLocation(\.userName)
        case .userDomain: EventFieldLocation(\.userDomain)
        }
    }
}
