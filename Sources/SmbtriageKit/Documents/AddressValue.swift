import Detection

/// An ECS address field: a single address as a string, several as an array (ECS allows both).
public enum AddressValue: Encodable, Sendable {
    case single(String)
    case several([String])

    /// Nil for no address.
    public init?(_ addresses: [IPAddress]) {
        switch addresses.count {
        case 0: return nil
        case 1: self = .single("\(addresses[0])")
        default: self = .several(addresses.map { "\($0)" })
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .single(let address): try container.encode(address)
        case .several(let addresses): try container.encode(addresses)
        }
    }
}
