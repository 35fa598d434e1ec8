/// A value a document always carries, written as JSON `null` when absent (an Encodable type's
/// own optionals leave their key out instead).
public struct Nullable<Wrapped: Encodable>: Encodable {
    public var value: Wrapped?

    public init(_ value: Wrapped?) {
        self.value = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

extension Nullable: Sendable where Wrapped: Sendable {}
