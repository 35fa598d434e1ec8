import Detection

/// Hands out the one-element `[IPAddress]` arrays `NetworkEvent` holds addresses in, reusing the
/// array of a recently seen address instead of allocating one per row. Logs repeat addresses
/// constantly (the same clients, resolvers, file servers), so most rows allocate none.
struct AddressArrayCache {
    private static let slotBits = 9
    private var slots = [[IPAddress]](repeating: [], count: 1 << slotBits)

    /// `[address]`, shared with earlier rows when the address was seen recently.
    @inline(__always)
    mutating func array(for address: IPAddress) -> [IPAddress] {
        let mixed = (address.high ^ address.low) &* 0x9E37_79B9_7F4A_7C15
        let slot = Int(truncatingIfNeeded: mixed >> (64 - Self.slotBits))
        if slots[slot].first == address { return slots[slot] }
        let array = [address]
        slots[slot] = array
        return array
    }
}
