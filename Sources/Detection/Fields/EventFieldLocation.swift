/// Where a field lives inside `NetworkEvent` and how it is stored, resolved once when a query
/// compiles: evaluation then reads the field at its offset instead of switching over field names.
/// Array fields (`source.ip`, `destination.ip`, `event.category`, `event.type`) match when any
/// element does; a missing value matches nothing.
struct EventFieldLocation: Hashable, Sendable {
    /// The Swift type of the stored property.
    enum Storage: UInt8, Sendable {
        case addresses, keyword, keywords, integer, integer64
    }

    /// Byte offset of the stored property in `NetworkEvent`.
    let offset: Int32
    let storage: Storage
    init(_ path: KeyPath<NetworkEvent, [IPAddress]>) { self.init(path, .addresses) }
    init(_ path: KeyPath<NetworkEvent, String?>) { self.init(path, .keyword) }
    init(_ path: KeyPath<NetworkEvent, [String]>) { self.init(path, .keywords) }
    init(_ path: KeyPath<NetworkEvent, Int?>) { self.init(path, .integer) }
    init(_ path: KeyPath<NetworkEvent, Int64?>) { self.init(path, .integer64) }

    private init(_ path: PartialKeyPath<NetworkEvent>, _ storage: Storage) {
        guard let offset = MemoryLayout<NetworkEvent>.offset(of: path) else {
            preconditionFailure("\(path) is not a stored property of NetworkEvent")
        }
        self.offset = Int32(offset)
        self.storage = storage
    }

    /// The value of this integer field in the event at `event`, or nil when missing.
    @inline(__always)
    func number(in event: UnsafePointer<NetworkEvent>) -> Int64? {
        switch storage {
        case .integer: pointer(in: event, to: Int?.self).pointee.map(Int64.init)
        case .integer64: pointer(in: event, to: Int64?.self).pointee
        case .addresses, .keyword, .keywords: nil
        }
    }

    /// True when a value of this keyword field in the event at `event` satisfies `predicate`.
    @inline(__always)
    func anyKeyword(in event: UnsafePointer<NetworkEvent>, satisfies predicate: (String) -> Bool) -> Bool {
        switch storage {
        case .keyword: pointer(in: event, to: String?.self).pointee.map(predicate) ?? false
        case .keywords: pointer(in: event, to: [String].self).pointee.contains(where: predicate)
        case .addresses, .integer, .integer64: false
        }
    }

    /// True when the event at `event` has a value for this field.
    func isPresent(in event: UnsafePointer<NetworkEvent>) -> Bool {
        switch storage {
        case .addresses: !pointer(in: event, to: [IPAddress].self).pointee.isEmpty
        case .keyword: pointer(in: event, to: String?.self).pointee != nil
        case .keywords: !pointer(in: event, to: [String].self).pointee.isEmpty
        case .integer, .integer64: number(in: event) != nil
        }
    }

    /// The stored property of the event at `event`; its type must be the one `storage` names.
    /// (The offset came from `MemoryLayout.offset(of:)`, so this reads the property in place.)
    /// Read through `pointee` where it is used, an array or string is borrowed, not copied: no
    /// retain and release per event.
    @inline(__always)
    func pointer<Value>(in event: UnsafePointer<NetworkEvent>, to type: Value.Type) -> UnsafePointer<Value> {
        (UnsafeRawPointer(event) + Int(offset)).assumingMemoryBound(to: Value.self)
    }
}
