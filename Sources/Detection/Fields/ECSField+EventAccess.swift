/// Where `NetworkEvent` keeps each field. The event is read through a pointer, one field at a
/// time, so evaluating it never copies the whole event. Array fields (`source.ip`,
/// `destination.ip`, `event.category`, `event.type`) match when any element does; a missing value
/// matches nothing.
extension ECSField {
    /// True when an address of this `ip` field in `event` satisfies `predicate`.
    @inline(__always)
    func anyAddress(of event: UnsafePointer<NetworkEvent>, satisfies predicate: (IPAddress) -> Bool) -> Bool {
        let addresses: [IPAddress]
        switch self {
        case .sourceIP: addresses = event.pointee.sourceIPs
        case .destinationIP: addresses = event.pointee.destinationIPs
        default: return false
        }
        for index in addresses.indices where predicate(addresses[index]) { return true }
        return false
    }

    /// The value of this `long` field in `event`, or nil when missing.
    @inline(__always)
    func number(of event: UnsafePointer<NetworkEvent>) -> Int64? {
        switch self {
        case .sourcePort: event.pointee.sourcePort.map(Int64.init)
        case .destinationPort: event.pointee.destinationPort.map(Int64.init)
        case .sourceBytes: event.pointee.sourceBytes
        case .destinationBytes: event.pointee.destinationBytes
        case .sourcePackets: event.pointee.sourcePackets
        case .destinationPackets: event.pointee.destinationPackets
        case .processPID: event.pointee.processID.map(Int64.init)
        default: nil
        }
    }

    /// True when a value of this `keyword` field in `event` satisfies `predicate`.
    @inline(__always)
    func anyKeyword(of event: UnsafePointer<NetworkEvent>, satisfies predicate: (String) -> Bool) -> Bool {
        func single(_ value: String?) -> Bool { value.map(predicate) ?? false }
        switch self {
        case .eventCategory: return event.pointee.categories.contains(where: predicate)
        case .eventType: return event.pointee.types.contains(where: predicate)
        case .eventDataset: return single(event.pointee.dataset)
        case .eventModule: return single(event.pointee.module)
        case .eventAction: return single(event.pointee.action)
        case .eventOutcome: return single(event.pointee.outcome)
        case .eventCode: return single(event.pointee.code)
        case .networkTransport: return single(event.pointee.transport)
        case .networkProtocol: return single(event.pointee.applicationProtocol)
        case .networkDirection: return single(event.pointee.direction)
        case .networkCommunityID: return single(event.pointee.communityID)
        case .flowID: return single(event.pointee.flowID)
        case .hostName: return single(event.pointee.observerHostName)
        case .sourceDomain: return single(event.pointee.sourceDomain)
        case .destinationDomain: return single(event.pointee.destinationDomain)
        case .processExecutable: return single(event.pointee.processExecutable)
        case .userName: return single(event.pointee.userName)
        case .userDomain: return single(event.pointee.userDomain)
        default: return false
        }
    }

    /// True when `event` has a value for this field.
    func isPresent(in event: UnsafePointer<NetworkEvent>) -> Bool {
        switch type {
        case .ip: anyAddress(of: event) { _ in true }
        case .long: number(of: event) != nil
        case .keyword: anyKeyword(of: event) { _ in true }
        }
    }
}
