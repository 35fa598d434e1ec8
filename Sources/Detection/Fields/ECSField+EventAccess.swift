/// Where `NetworkEvent` keeps each field. Array fields (`source.ip`, `destination.ip`,
/// `event.category`, `event.type`) match when any element does; a missing value matches nothing.
extension ECSField {
    /// True when an address of this `ip` field in `event` satisfies `predicate`.
    @inline(__always)
    func anyAddress(of event: NetworkEvent, satisfies predicate: (IPAddress) -> Bool) -> Bool {
        switch self {
        case .sourceIP: event.sourceIPs.contains(where: predicate)
        case .destinationIP: event.destinationIPs.contains(where: predicate)
        default: false
        }
    }

    /// The value of this `long` field in `event`, or nil when missing.
    @inline(__always)
    func number(of event: NetworkEvent) -> Int64? {
        switch self {
        case .sourcePort: event.sourcePort.map(Int64.init)
        case .destinationPort: event.destinationPort.map(Int64.init)
        case .sourceBytes: event.sourceBytes
        case .destinationBytes: event.destinationBytes
        case .sourcePackets: event.sourcePackets
        case .destinationPackets: event.destinationPackets
        case .processPID: event.processID.map(Int64.init)
        default: nil
        }
    }

    /// True when a value of this `keyword` field in `event` satisfies `predicate`.
    @inline(__always)
    func anyKeyword(of event: NetworkEvent, satisfies predicate: (String) -> Bool) -> Bool {
        func single(_ value: String?) -> Bool { value.map(predicate) ?? false }
        switch self {
        case .eventCategory: return event.categories.contains(where: predicate)
        case .eventType: return event.types.contains(where: predicate)
        case .eventDataset: return single(event.dataset)
        case .eventModule: return single(event.module)
        case .eventAction: return single(event.action)
        case .eventOutcome: return single(event.outcome)
        case .eventCode: return single(event.code)
        case .networkTransport: return single(event.transport)
        case .networkProtocol: return single(event.applicationProtocol)
        case .networkDirection: return single(event.direction)
        case .networkCommunityID: return single(event.communityID)
        case .flowID: return single(event.flowID)
        case .hostName: return single(event.observerHostName)
        case .sourceDomain: return single(event.sourceDomain)
        case .destinationDomain: return single(event.destinationDomain)
        case .processExecutable: return single(event.processExecutable)
        case .userName: return single(event.userName)
        case .userDomain: return single(event.userDomain)
        default: return false
        }
    }

    /// True when `event` has a value for this field.
    func isPresent(in event: NetworkEvent) -> Bool {
        switch type {
        case .ip: anyAddress(of: event) { _ in true }
        case .long: number(of: event) != nil
        case .keyword: anyKeyword(of: event) { _ in true }
        }
    }
}
