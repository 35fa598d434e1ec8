/// A cheap streaming hash over path bytes (`h * 33 ^ byte`). Extending a prefix's hash with `.`
/// and a key gives the joined path's hash, so the parser hashes each key once however deep it
/// is; `slot(_:mask:)` mixes the bits before they pick an index slot.
enum PathHash {
    static let seed: UInt64 = 5381

    @inline(__always)
    static func extend(_ hash: UInt64, with byte: UInt8) -> UInt64 {
        (hash &<< 5 &+ hash) ^ UInt64(byte)
    }

    @inline(__always)
    static func extend(_ hash: UInt64, with bytes: LineBytes) -> UInt64 {
        var hash = hash
        for byte in bytes { hash = extend(hash, with: byte) }
        return hash
    }

    /// The index slot of `hash` in a table of `mask + 1` (a power of two) slots.
    @inline(__always)
    static func slot(_ hash: UInt64, mask: Int) -> Int {
        let mixed = (hash ^ hash &>> 31) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed &>> 32) & mask
    }
}
